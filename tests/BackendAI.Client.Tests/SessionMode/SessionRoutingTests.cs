using BackendAI.Client.Tests.Functions;
using BackendAI.TestServer;

namespace BackendAI.Client.Tests.SessionMode;

public sealed class SessionRoutingTests
{
    private const string User = "alice@example.com";
    private const string Password = "alice-password";

    [Fact]
    public async Task Calls_go_under_func_with_the_cookie_and_without_a_signature_even_when_keys_are_set()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        var config = cluster.SessionConfig(
            ("BACKEND_ACCESS_KEY", TestKeypairs.DefaultAccessKey),
            ("BACKEND_SECRET_KEY", TestKeypairs.DefaultSecretKey));
        using var client = ClusterScope.Client(config);

        var login = await client.Auth.LoginAsync(User, Password);
        await client.VFolders.ListAsync();

        Assert.True(login.IsAuthenticated);
        var cookie = Assert.Single(cluster.State.WebServer.ActiveCookies);
        var list = Assert.Single(cluster.Received("GET", "/func/folders"));
        Assert.Equal($"AIOHTTP_SESSION={cookie}", list.Header("Cookie"));
        Assert.Null(list.Header("Authorization"));
        Assert.Empty(cluster.Received("GET", "/folders"));
    }

    [Fact]
    public async Task Server_paths_are_not_put_under_func_and_the_login_carries_no_credentials()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        using var client = ClusterScope.Client(cluster.SessionConfig());

        await client.Auth.LoginAsync(User, Password);
        await client.Auth.LogoutAsync();

        var login = Assert.Single(cluster.Received("POST", "/server/login"));
        Assert.Null(login.Header("Authorization"));
        Assert.Null(login.Header("Cookie"));
        Assert.Single(cluster.Received("POST", "/server/logout"));
        Assert.Empty(cluster.Received("POST", "/func/server/login"));
    }

    [Fact]
    public async Task The_version_probe_asks_get_func_without_a_version_header_and_negotiates_down()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.ApiVersion = "v7.20230615";
        cluster.State.ManagerVersion = "23.09.7";

        using var client = await BackendAIClient.OpenAsync(
            cluster.SessionConfig(), new BackendAIClientOptions { FetchAnnouncement = false });

        var probe = Assert.Single(cluster.Received("GET", "/func/"));
        Assert.Null(probe.Header("X-BackendAI-Version"));
        Assert.Null(probe.Header("Cookie"));
        Assert.Equal("v7.20230615", client.Server?.Version);
        Assert.Equal("23.09.7", client.Server?.Manager);
        Assert.Equal("v7.20230615", client.ApiVersion);
    }

    [Fact]
    public async Task A_call_before_any_login_reaches_the_web_server_without_a_cookie_and_is_refused()
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.SessionConfig());

        var error = await Assert.ThrowsAsync<BackendAIApiException>(() => client.VFolders.ListAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        var request = Assert.Single(cluster.Received("GET", "/func/folders"));
        Assert.Null(request.Header("Cookie"));
        Assert.False(client.Auth.IsLoggedIn);
    }

    [Fact]
    public async Task An_api_mode_client_refuses_to_log_in_or_out_and_sends_nothing()
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        var login = await Assert.ThrowsAsync<InvalidOperationException>(
            () => client.Auth.LoginAsync(User, Password));
        var logout = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Auth.LogoutAsync());

        Assert.Contains("BACKEND_ENDPOINT_TYPE=session", login.Message, StringComparison.Ordinal);
        Assert.Contains("'api'", logout.Message, StringComparison.Ordinal);
        Assert.Equal(0, cluster.Recorder.Count);
        Assert.False(client.Auth.IsLoggedIn);
        Assert.Null(client.Auth.LoggedInUser);
    }
}
