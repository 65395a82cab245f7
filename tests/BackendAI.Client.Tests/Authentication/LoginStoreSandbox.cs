using System.Diagnostics;
using System.Globalization;
using BackendAI.Client.Authentication;

namespace BackendAI.Client.Tests.Authentication;

/// <summary>A fresh state directory under the temporary folder, removed afterwards.</summary>
public sealed class LoginStoreSandbox : IDisposable
{
    internal static readonly Uri WebA = new("http://10.0.0.5:8090/");
    internal static readonly Uri WebB = new("https://console.example/");

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("backendai-login-");

    /// <summary>Creates the sandbox in a new temporary folder; the state directory itself is not created.</summary>
    public LoginStoreSandbox() => StateDirectory = Path.Combine(root.FullName, "state");

    internal string StateDirectory { get; }

    internal LoginStore NewStore(TimeSpan? lockTimeout = null) =>
        lockTimeout is { } timeout ? new LoginStore(StateDirectory, timeout) : new LoginStore(StateDirectory);

    internal static readonly DateTimeOffset SavedAt = new(2024, 3, 15, 9, 30, 0, TimeSpan.Zero);

    internal static StoredLogin Login(string cookieValue = "s3cr3t-cookie-value", string? user = "alice") =>
        new("AIOHTTP_SESSION", cookieValue, "sid-0123456789", user, SavedAt);

    internal void WriteRaw(string json)
    {
        var path = Path.Combine(StateDirectory, "logins.json");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(StateDirectory);
            File.WriteAllText(path, json);
            return;
        }

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(StateDirectory, OwnerOnly);
        File.WriteAllText(path, json);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    internal static void ChangeOwner(string path, int uid)
    {
        var owner = uid.ToString(CultureInfo.InvariantCulture);
        using var chown = Process.Start(new ProcessStartInfo("chown", [owner, path]))!;
        chown.WaitForExit();
        Assert.Equal(0, chown.ExitCode);
    }

    public void Dispose() => root.Delete(recursive: true);
}
