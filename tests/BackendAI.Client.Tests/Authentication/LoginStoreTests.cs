using BackendAI.Client.Authentication;
using static BackendAI.Client.Tests.Authentication.LoginStoreSandbox;

namespace BackendAI.Client.Tests.Authentication;

public sealed class LoginStoreTests : IDisposable
{
    private readonly LoginStoreSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void A_saved_login_is_loaded_back_by_a_later_store_with_every_field()
    {
        sandbox.NewStore().Save([WebA, WebB], Login());

        var loaded = sandbox.NewStore().Load([WebA, WebB]);

        Assert.Equal(Login(), loaded);
    }

    [Fact]
    public void Nothing_is_loaded_before_a_save_or_for_another_endpoint_list()
    {
        var store = sandbox.NewStore();
        Assert.Null(store.Load([WebA]));
        Assert.False(Directory.Exists(sandbox.StateDirectory));

        store.Save([WebA, WebB], Login());

        Assert.Null(store.Load([WebA]));
        Assert.Null(store.Load([WebB]));
    }

    [Fact]
    public void The_key_ignores_order_case_default_ports_and_trailing_slashes()
    {
        var store = sandbox.NewStore();
        store.Save([new Uri("HTTPS://Console.Example:443"), new Uri("http://10.0.0.5:8090")], Login());

        Assert.NotNull(store.Load([new Uri("http://10.0.0.5:8090/"), new Uri("https://console.example/")]));
        Assert.Null(store.Load([new Uri("http://10.0.0.5:8091/"), new Uri("https://console.example/")]));
    }

    [Fact]
    public void Endpoints_with_ip_address_and_international_hosts_are_keyed_consistently()
    {
        var store = sandbox.NewStore();
        store.Save([new Uri("http://[::1]:8090/"), new Uri("http://bücher.example/")], Login());

        Assert.NotNull(store.Load([new Uri("http://xn--bcher-kva.example"), new Uri("http://[0:0::1]:8090")]));
        Assert.Contains("\"http://[::1]:8090\"", File.ReadAllText(store.FilePath), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_endpoint_lists_share_the_file_and_a_new_save_replaces_only_its_own_login()
    {
        var store = sandbox.NewStore();
        store.Save([WebA], Login("first-a"));
        store.Save([WebB], Login("first-b"));

        store.Save([WebA], Login("second-a", user: "bob"));

        Assert.Equal(Login("second-a", user: "bob"), store.Load([WebA]));
        Assert.Equal(Login("first-b"), store.Load([WebB]));
    }

    [Fact]
    public void Delete_removes_only_that_list_and_the_file_goes_with_the_last_login()
    {
        var store = sandbox.NewStore();
        Assert.False(store.Delete([WebA]));
        store.Save([WebA], Login());
        store.Save([WebB], Login());

        Assert.True(store.Delete([WebA]));
        Assert.False(store.Delete([WebA]));
        Assert.Null(store.Load([WebA]));
        Assert.NotNull(store.Load([WebB]));

        Assert.True(store.Delete([WebB]));
        Assert.False(File.Exists(store.FilePath));
    }

    [Fact]
    public void Saving_leaves_no_temporary_files_behind()
    {
        var store = sandbox.NewStore();

        store.Save([WebA], Login());
        store.Save([WebA], Login("again"));

        var names = Directory.GetFiles(sandbox.StateDirectory).Select(Path.GetFileName).Order();
        Assert.Equal(["logins.json", "logins.json.lock"], names);
    }

    [Fact]
    public void The_file_is_written_by_explicit_fields_with_a_format_marker_and_version()
    {
        var store = sandbox.NewStore();

        store.Save([WebA], Login());

        var text = File.ReadAllText(store.FilePath);
        Assert.Contains("\"format\": \"backend.ai-dotnet-logins\"", text, StringComparison.Ordinal);
        Assert.Contains("\"version\": 1", text, StringComparison.Ordinal);
        Assert.Contains("\"cookieName\": \"AIOHTTP_SESSION\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("$type", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_login_whose_cookie_could_not_be_sent_back_is_rejected_without_quoting_the_value()
    {
        var store = sandbox.NewStore();

        var badValue = Assert.Throws<ArgumentException>(() => store.Save([WebA], Login("evil;value")));
        var badName = Assert.Throws<ArgumentException>(
            () => store.Save([WebA], Login() with { CookieName = "bad name" }));
        var badSession = Assert.Throws<ArgumentException>(
            () => store.Save([WebA], Login() with { SessionId = "line\nbreak" }));

        Assert.DoesNotContain("evil", badValue.Message, StringComparison.Ordinal);
        Assert.Contains("'bad name'", badName.Message, StringComparison.Ordinal);
        Assert.Contains("session id", badSession.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(store.FilePath));
    }

    [Fact]
    public void Bad_endpoint_lists_and_directories_are_rejected_with_the_value_quoted()
    {
        var store = sandbox.NewStore();

        Assert.Throws<ArgumentException>(() => store.Load([]));
        var relative = Assert.Throws<ArgumentException>(() => store.Load([new Uri("web/", UriKind.Relative)]));
        var directory = Assert.Throws<ArgumentException>(() => new LoginStore("state/here"));

        Assert.Contains("'web/'", relative.Message, StringComparison.Ordinal);
        Assert.Contains("'state/here'", directory.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_form_of_a_login_hides_the_cookie_value_and_session_id()
    {
        var text = Login().ToString();

        Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sid-0123456789", text, StringComparison.Ordinal);
        Assert.Contains("AIOHTTP_SESSION", text, StringComparison.Ordinal);
        Assert.Contains("alice", text, StringComparison.Ordinal);
    }
}
