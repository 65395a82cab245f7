using System.Runtime.Versioning;
using BackendAI.Client.Authentication;
using static BackendAI.Client.Tests.Authentication.LoginStoreSandbox;

namespace BackendAI.Client.Tests.Authentication;

[UnsupportedOSPlatform("windows")]
public sealed class LoginStoreFileSafetyTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly LoginStoreSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [UnixFact]
    public void The_file_is_created_owner_only_in_an_owner_only_directory()
    {
        var store = sandbox.NewStore();

        store.Save([WebA], Login());

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(store.FilePath));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(store.FilePath + ".lock"));
        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(sandbox.StateDirectory));
    }

    [UnixFact]
    public void A_world_readable_file_is_refused_with_the_reason_and_the_fix()
    {
        var store = sandbox.NewStore();
        store.Save([WebA], Login());
        File.SetUnixFileMode(store.FilePath, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = Assert.Throws<LoginStoreException>(() => store.Load([WebA]));

        Assert.Contains("read or written by other users (mode 644)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 '{store.FilePath}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [UnixFact]
    public void A_group_writable_file_is_refused_for_saving_as_well()
    {
        var store = sandbox.NewStore();
        store.Save([WebA], Login());
        File.SetUnixFileMode(store.FilePath, OwnerOnly | UnixFileMode.GroupWrite);

        var error = Assert.Throws<LoginStoreException>(() => store.Save([WebB], Login()));

        Assert.Contains("mode 620", error.Message, StringComparison.Ordinal);
        File.SetUnixFileMode(store.FilePath, OwnerOnly);
        Assert.Null(store.Load([WebB]));
    }

    [UnixFact]
    public void A_state_directory_that_others_can_read_is_refused_with_the_fix()
    {
        var store = sandbox.NewStore();
        store.Save([WebA], Login());
        var readableByOthers = UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(sandbox.StateDirectory, OwnerOnly | UnixFileMode.UserExecute | readableByOthers);

        var error = Assert.Throws<LoginStoreException>(() => store.Load([WebA]));

        Assert.Contains("mode 705", error.Message, StringComparison.Ordinal);
        Assert.Contains($"chmod 700 '{sandbox.StateDirectory}'", error.Message, StringComparison.Ordinal);
    }

    [UnixFact]
    public void A_symbolic_link_in_place_of_the_file_is_refused()
    {
        var store = sandbox.NewStore();
        store.Save([WebA], Login());
        var elsewhere = Path.Combine(sandbox.StateDirectory, "elsewhere.json");
        File.Move(store.FilePath, elsewhere);
        File.CreateSymbolicLink(store.FilePath, elsewhere);

        var error = Assert.Throws<LoginStoreException>(() => store.Load([WebA]));

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
    }

    [LinuxRootFact]
    public void A_file_owned_by_another_user_is_refused()
    {
        var store = sandbox.NewStore();
        store.Save([WebA], Login());
        ChangeOwner(store.FilePath, 65534);

        var error = Assert.Throws<LoginStoreException>(() => store.Load([WebA]));

        Assert.Contains("belongs to another user (uid 65534)", error.Message, StringComparison.Ordinal);
    }

    [LinuxRootFact]
    public void A_state_directory_owned_by_another_user_is_refused()
    {
        var store = sandbox.NewStore();
        store.Save([WebA], Login());
        ChangeOwner(sandbox.StateDirectory, 65534);

        var error = Assert.Throws<LoginStoreException>(() => store.Save([WebA], Login()));

        Assert.Contains("state directory", error.Message, StringComparison.Ordinal);
        Assert.Contains("uid 65534", error.Message, StringComparison.Ordinal);
    }
}
