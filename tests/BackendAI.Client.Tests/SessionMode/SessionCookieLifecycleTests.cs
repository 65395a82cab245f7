using System.Net;
using BackendAI.Client.Tests.Functions;
using BackendAI.TestServer.Faults;

namespace BackendAI.Client.Tests.SessionMode;

public sealed class SessionCookieLifecycleTests
{
    private const string User = "alice@example.com";
    private const string Password = "alice-password";

    [Fact]
    public async Task A_cookie_the_server_refreshes_mid_session_is_used_next_and_saved_for_a_new_client()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        cluster.State.WebServer.CookieRotationInterval = 1;
        using var client = ClusterScope.Client(cluster.SessionConfig());
        await client.Auth.LoginAsync(User, Password);
        var loginCookie = Assert.Single(cluster.State.WebServer.ActiveCookies);

        await client.VFolders.ListAsync();
        var refreshed = Assert.Single(cluster.State.WebServer.ActiveCookies);
        await client.VFolders.ListAsync();
        var latest = Assert.Single(cluster.State.WebServer.ActiveCookies);
        using var later = ClusterScope.Client(cluster.SessionConfig());
        await later.VFolders.ListAsync();

        var sent = cluster.Received("GET", "/func/folders").Select(r => r.Header("Cookie")).ToList();
        Assert.Equal(
            [$"AIOHTTP_SESSION={loginCookie}", $"AIOHTTP_SESSION={refreshed}", $"AIOHTTP_SESSION={latest}"],
            sent);
        Assert.NotEqual(loginCookie, refreshed);
        Assert.Equal(User, later.Auth.LoggedInUser);
    }

    [Fact]
    public async Task A_cookie_set_on_an_answer_without_any_login_is_not_kept()
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.SessionConfig());

        await client.System.GetVersionsAsync();

        Assert.False(client.Auth.IsLoggedIn);
        Assert.False(File.Exists(Path.Combine(cluster.StateDirectory, "logins.json")));
    }

    [Theory]
    [InlineData(201)]
    [InlineData(200)]
    public async Task Logout_ends_the_login_on_the_server_and_deletes_the_kept_one(int status)
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        cluster.State.WebServer.LogoutStatusCode = status;
        using var client = ClusterScope.Client(cluster.SessionConfig());
        await client.Auth.LoginAsync(User, Password);
        var cookie = Assert.Single(cluster.State.WebServer.ActiveCookies);

        await client.Auth.LogoutAsync();

        var logout = Assert.Single(cluster.Received("POST", "/server/logout"));
        Assert.Equal(status, logout.Status);
        Assert.Equal($"AIOHTTP_SESSION={cookie}", logout.Header("Cookie"));
        Assert.Empty(cluster.State.WebServer.ActiveCookies);
        Assert.False(client.Auth.IsLoggedIn);

        using var later = ClusterScope.Client(cluster.SessionConfig());
        Assert.False(later.Auth.IsLoggedIn);
        var error = await Assert.ThrowsAsync<BackendAIApiException>(() => later.VFolders.ListAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Null(cluster.Received("GET", "/func/folders").Single().Header("Cookie"));
    }

    [Fact]
    public async Task A_logout_the_server_could_not_carry_out_keeps_the_login_so_it_can_be_retried()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        using var client = ClusterScope.Client(cluster.SessionConfig());
        await client.Auth.LoginAsync(User, Password);
        cluster.Server.Faults.Inject(Fault.Status(503), times: 1, pathPrefix: "/server/logout");

        var error = await Assert.ThrowsAsync<BackendAIApiException>(() => client.Auth.LogoutAsync());
        var keptAfterFailure = client.Auth.IsLoggedIn;
        await client.Auth.LogoutAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.True(keptAfterFailure);
        Assert.False(client.Auth.IsLoggedIn);
        Assert.Empty(cluster.State.WebServer.ActiveCookies);
    }

    [Fact]
    public async Task The_session_id_header_handed_out_at_login_is_kept_and_sent_along()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        cluster.State.WebServer.SendSessionIdHeader = true;
        using (var client = ClusterScope.Client(cluster.SessionConfig()))
        {
            await client.Auth.LoginAsync(User, Password);
        }

        using var later = ClusterScope.Client(cluster.SessionConfig());
        await later.VFolders.ListAsync();

        var cookie = Assert.Single(cluster.State.WebServer.ActiveCookies);
        var list = Assert.Single(cluster.Received("GET", "/func/folders"));
        Assert.Equal(cookie, list.Header("X-BackendAI-SessionID"));
    }
}
