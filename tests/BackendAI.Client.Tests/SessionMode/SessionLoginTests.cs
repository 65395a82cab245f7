using System.Text;
using BackendAI.Client.Authentication;
using BackendAI.Client.Functions.Auth;
using BackendAI.Client.Tests.Authentication;
using BackendAI.Client.Tests.Functions;
using BackendAI.TestServer.Faults;

namespace BackendAI.Client.Tests.SessionMode;

public sealed class SessionLoginTests
{
    private const string User = "alice@example.com";
    private const string Password = "alice-password";

    [Fact]
    public async Task A_login_is_kept_and_a_new_client_of_a_new_configuration_calls_with_its_cookie()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        using (var first = ClusterScope.Client(cluster.SessionConfig()))
        {
            Assert.True((await first.Auth.LoginAsync(User, Password)).IsAuthenticated);
        }

        Assert.Single(cluster.Received("POST", "/server/login"));
        var cookie = Assert.Single(cluster.State.WebServer.ActiveCookies);
        using var second = ClusterScope.Client(cluster.SessionConfig());
        await second.VFolders.ListAsync();

        Assert.True(second.Auth.IsLoggedIn);
        Assert.Equal(User, second.Auth.LoggedInUser);
        var list = Assert.Single(cluster.Received("GET", "/func/folders"));
        Assert.Equal($"AIOHTTP_SESSION={cookie}", list.Header("Cookie"));
        Assert.Equal(UriHostNameType.IPv4, second.Config.Endpoints[0].HostNameType);
    }

    [Fact]
    public async Task The_login_file_is_private_json_that_holds_no_password()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        using var client = ClusterScope.Client(cluster.SessionConfig());

        await client.Auth.LoginAsync(User, Password);

        var path = Path.Combine(cluster.StateDirectory, "logins.json");
        var text = await File.ReadAllTextAsync(path);
        using var document = System.Text.Json.JsonDocument.Parse(text);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.Contains(Assert.Single(cluster.State.WebServer.ActiveCookies), text, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(cluster.StateDirectory));
        }
    }

    [Fact]
    public async Task An_otp_account_is_asked_for_the_otp_and_nothing_is_stored_until_it_is_given()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password, otp: "246810");
        using var client = ClusterScope.Client(cluster.SessionConfig());
        var file = Path.Combine(cluster.StateDirectory, "logins.json");

        var first = await client.Auth.LoginAsync(User, Password);
        var storedAfterFirst = File.Exists(file);
        var second = await client.Auth.LoginAsync(User, Password, otp: "246810");

        Assert.Equal(LoginStatus.OtpRequired, first.Status);
        Assert.Equal("OTP not provided", first.Reason);
        Assert.False(storedAfterFirst);
        Assert.Equal(LoginStatus.Authenticated, second.Status);
        Assert.True(File.Exists(file));
        var bodies = cluster.Received("POST", "/server/login")
            .Select(r => Encoding.UTF8.GetString(r.Body))
            .ToList();
        Assert.DoesNotContain("otp", bodies[0], StringComparison.Ordinal);
        Assert.Contains("\"otp\":\"246810\"", bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_otp_fails_with_the_server_reason()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password, otp: "246810");
        using var client = ClusterScope.Client(cluster.SessionConfig());

        var result = await client.Auth.LoginAsync(User, Password, otp: "000000");

        Assert.Equal(LoginStatus.Failed, result.Status);
        Assert.Equal("Invalid OTP", result.Reason);
        Assert.False(client.Auth.IsLoggedIn);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_the_reason_and_stores_nothing()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        using var client = ClusterScope.Client(cluster.SessionConfig());

        var result = await client.Auth.LoginAsync(User, "not-the-password");

        Assert.Equal(LoginStatus.Failed, result.Status);
        Assert.False(result.IsAuthenticated);
        Assert.Equal("User credential mismatch.", result.Reason);
        Assert.False(client.Auth.IsLoggedIn);
        Assert.False(File.Exists(Path.Combine(cluster.StateDirectory, "logins.json")));
    }

    [Fact]
    public async Task A_failed_login_leaves_the_earlier_login_in_place()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        using var client = ClusterScope.Client(cluster.SessionConfig());
        await client.Auth.LoginAsync(User, Password);

        var result = await client.Auth.LoginAsync("mallory@example.com", "guess");
        await client.VFolders.ListAsync();

        Assert.Equal(LoginStatus.Failed, result.Status);
        Assert.Equal(User, client.Auth.LoggedInUser);
        using var later = ClusterScope.Client(cluster.SessionConfig());
        Assert.Equal(User, later.Auth.LoggedInUser);
    }

    [Fact]
    public async Task Too_many_failed_logins_raise_the_throttled_error()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        cluster.State.WebServer.AllowedLoginFailures = 2;
        using var client = ClusterScope.Client(cluster.SessionConfig());

        await client.Auth.LoginAsync(User, "wrong-1");
        await client.Auth.LoginAsync(User, "wrong-2");
        var error = await Assert.ThrowsAsync<BackendAILoginThrottledException>(
            () => client.Auth.LoginAsync(User, Password));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("Too many failed login attempts", error.Message, StringComparison.Ordinal);
        Assert.False(client.Auth.IsLoggedIn);
    }

    [Fact]
    public async Task A_stale_login_is_not_sent_with_a_new_login_and_the_new_one_replaces_it()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        using (var first = ClusterScope.Client(cluster.SessionConfig()))
        {
            await first.Auth.LoginAsync(User, Password);
        }

        var oldCookie = Assert.Single(cluster.State.WebServer.ActiveCookies);
        using var second = ClusterScope.Client(cluster.SessionConfig());
        Assert.True(second.Auth.IsLoggedIn);
        var again = await second.Auth.LoginAsync(User, Password);
        using var third = ClusterScope.Client(cluster.SessionConfig());
        await third.VFolders.ListAsync();

        Assert.True(again.IsAuthenticated);
        Assert.All(cluster.Received("POST", "/server/login"), r => Assert.Null(r.Header("Cookie")));
        var newCookie = Assert.Single(cluster.State.WebServer.ActiveCookies, c => c != oldCookie);
        var list = Assert.Single(cluster.Received("GET", "/func/folders"));
        Assert.Equal($"AIOHTTP_SESSION={newCookie}", list.Header("Cookie"));
    }

    [UnixFact]
    public async Task A_world_readable_login_file_is_refused_with_the_reason_and_nothing_is_sent()
    {
        await AssertSpoiledLoginFileIsRefusedAsync(path =>
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.OtherRead);
            }
        });
    }

    [Fact]
    public async Task A_corrupt_login_file_is_refused_with_the_reason_and_nothing_is_sent()
    {
        await AssertSpoiledLoginFileIsRefusedAsync(path =>
        {
            File.WriteAllText(path, "\u0080\u0004\u0095 not json");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        });
    }

    [Fact]
    public async Task A_server_error_on_login_is_an_api_error_and_stores_nothing()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        cluster.Server.Faults.Inject(Fault.Status(503, body: "web server restarting"), times: 1,
            pathPrefix: "/server/login");
        using var client = ClusterScope.Client(cluster.SessionConfig());

        var error = await Assert.ThrowsAsync<BackendAIApiException>(() => client.Auth.LoginAsync(User, Password));

        Assert.IsNotType<BackendAILoginThrottledException>(error);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.False(client.Auth.IsLoggedIn);
        Assert.False(File.Exists(Path.Combine(cluster.StateDirectory, "logins.json")));
        Assert.True((await client.Auth.LoginAsync(User, Password)).IsAuthenticated);
    }

    [Fact]
    public async Task A_login_whose_connection_drops_after_sending_is_outcome_unknown_and_stores_nothing()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        cluster.Server.Faults.Inject(Fault.ResetAfterBody(), times: 1, pathPrefix: "/server/login");
        using var client = ClusterScope.Client(cluster.SessionConfig());

        await Assert.ThrowsAsync<BackendAIOutcomeUnknownException>(() => client.Auth.LoginAsync(User, Password));

        Assert.False(client.Auth.IsLoggedIn);
        Assert.False(File.Exists(Path.Combine(cluster.StateDirectory, "logins.json")));
    }

    /// <summary>Logs in, spoils the kept login file, and checks that a new client refuses it before sending.</summary>
    private static async Task AssertSpoiledLoginFileIsRefusedAsync(Action<string> spoil)
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        using (var first = ClusterScope.Client(cluster.SessionConfig()))
        {
            await first.Auth.LoginAsync(User, Password);
        }

        var path = Path.Combine(cluster.StateDirectory, "logins.json");
        spoil(path);
        cluster.Recorder.Clear();
        using var later = ClusterScope.Client(cluster.SessionConfig());

        var error = await Assert.ThrowsAsync<LoginStoreException>(() => later.VFolders.ListAsync());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, cluster.Recorder.Count);
    }
}
