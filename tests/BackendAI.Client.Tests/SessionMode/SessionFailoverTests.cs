using BackendAI.Client.Configuration;
using BackendAI.Client.Tests.Functions;
using BackendAI.TestServer;

namespace BackendAI.Client.Tests.SessionMode;

public sealed class SessionFailoverTests
{
    private const string User = "alice@example.com";
    private const string Password = "alice-password";

    [Fact]
    public async Task The_version_probe_passes_a_refusing_web_server_and_reaches_the_live_one()
    {
        await using var cluster = await ClusterScope.StartAsync();
        var config = RefusingThenLive(cluster);

        using var client = await BackendAIClient.OpenAsync(
            config, new BackendAIClientOptions { FetchAnnouncement = false });

        Assert.Equal(cluster.State.ApiVersion, client.Server?.Version);
        Assert.Single(cluster.Received("GET", "/func/"));
        Assert.Equal(cluster.Server.BaseAddress, config.Endpoint);
    }

    [Fact]
    public async Task The_login_passes_a_refusing_web_server_and_the_login_serves_both_endpoints()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        using var client = ClusterScope.Client(RefusingThenLive(cluster, out var refused));

        var result = await client.Auth.LoginAsync(User, Password);
        using var later = ClusterScope.Client(RefusingThenLive(cluster, refused));
        await later.VFolders.ListAsync();

        Assert.True(result.IsAuthenticated);
        Assert.Single(cluster.Received("POST", "/server/login"));
        var list = Assert.Single(cluster.Received("GET", "/func/folders"));
        Assert.StartsWith("AIOHTTP_SESSION=", list.Header("Cookie"), StringComparison.Ordinal);
    }

    private static ApiConfig RefusingThenLive(ClusterScope cluster) =>
        RefusingThenLive(cluster, out _);

    private static ApiConfig RefusingThenLive(ClusterScope cluster, out Uri refused)
    {
        refused = TestServerHost.GetRefusedAddress();
        return RefusingThenLive(cluster, refused);
    }

    private static ApiConfig RefusingThenLive(ClusterScope cluster, Uri refused) =>
        cluster.SessionConfig(
            ("BACKEND_ENDPOINT", $"{refused.AbsoluteUri.TrimEnd('/')},{cluster.Endpoint}"),
            ("BACKEND_ENDPOINT_SHUFFLE", "no"));
}
