using BackendAI.Client.Tests.Functions;

namespace BackendAI.Client.Tests.Robustness;

/// <summary>
/// The login store failing while the server refreshes the cookie: the call itself succeeded on the server, so
/// it must neither be reported as "outcome unknown" nor sent again, and the endpoint must not be marked dead.
/// </summary>
public sealed class SessionStoreRobustnessTests
{
    private const string User = "alice@example.com";
    private const string Password = "alice-password";

    [Fact]
    public async Task A_post_that_succeeded_is_not_outcome_unknown_when_the_refreshed_cookie_cannot_be_saved()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        var config = cluster.SessionConfig();
        using var client = ClusterScope.Client(config);
        await client.Auth.LoginAsync(User, Password);
        cluster.State.WebServer.CookieRotationInterval = 1;
        var file = Path.Combine(cluster.StateDirectory, "logins.json");
        await File.WriteAllTextAsync(file, "not json");

        var error = await Record.ExceptionAsync(() => client.VFolders.CreateAsync(
            new BackendAI.Client.Functions.VFolders.VFolderCreateOptions { Name = "data" }));

        Assert.Single(cluster.Received("POST", "/func/folders"));
        Assert.IsNotType<BackendAIOutcomeUnknownException>(error);
        Assert.All(config.Pool.Endpoints, e => Assert.True(e.IsAlive));
    }

    [Fact]
    public async Task A_get_is_not_sent_again_nor_the_endpoint_marked_dead_when_the_refreshed_cookie_cannot_be_saved()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        var config = cluster.SessionConfig();
        using var client = ClusterScope.Client(config);
        await client.Auth.LoginAsync(User, Password);
        cluster.State.WebServer.CookieRotationInterval = 1;
        var file = Path.Combine(cluster.StateDirectory, "logins.json");
        await File.WriteAllTextAsync(file, "not json");

        var error = await Record.ExceptionAsync(() => client.VFolders.ListAsync());

        Assert.Single(cluster.Received("GET", "/func/folders"));
        Assert.IsNotType<BackendAITransportException>(error);
        Assert.All(config.Pool.Endpoints, e => Assert.True(e.IsAlive));
    }
}
