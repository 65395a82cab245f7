using BackendAI.Client.Authentication;
using BackendAI.Client.Configuration;
using BackendAI.Client.Tests.Functions;

namespace BackendAI.Client.Tests.SessionMode;

public sealed class SessionConcurrencyTests
{
    private const int Rounds = 8;

    [Fact]
    public async Task Two_clients_with_their_own_stores_logging_in_at_once_to_two_clusters_keep_both_logins()
    {
        await using var first = await ClusterScope.StartAsync();
        await using var second = await ClusterScope.StartAsync();
        first.State.AddUser("alice@example.com", "pw-a");
        second.State.AddUser("bob@example.com", "pw-b");
        var shared = first.StateDirectory;
        var firstConfig = first.SessionConfig(("BACKEND_STATE_DIR", shared));
        var secondConfig = second.SessionConfig(("BACKEND_STATE_DIR", shared));

        await Task.WhenAll(
            Task.Run(() => LoginAndCallAsync(firstConfig, "alice@example.com", "pw-a")),
            Task.Run(() => LoginAndCallAsync(secondConfig, "bob@example.com", "pw-b")));

        var store = new LoginStore(shared);
        Assert.Equal("alice@example.com", store.Load(firstConfig.Endpoints)?.UserName);
        Assert.Equal("bob@example.com", store.Load(secondConfig.Endpoints)?.UserName);
        using var firstLater = ClusterScope.Client(first.SessionConfig(("BACKEND_STATE_DIR", shared)));
        using var secondLater = ClusterScope.Client(second.SessionConfig(("BACKEND_STATE_DIR", shared)));
        await firstLater.VFolders.ListAsync();
        await secondLater.VFolders.ListAsync();
        Assert.Empty(Directory.GetFiles(shared, "*.tmp"));
    }

    [Fact]
    public async Task Two_clients_logging_in_at_once_to_one_cluster_leave_one_working_login()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser("alice@example.com", "pw-a");
        cluster.State.AddUser("bob@example.com", "pw-b");

        await Task.WhenAll(
            Task.Run(() => LoginAndCallAsync(cluster.SessionConfig(), "alice@example.com", "pw-a")),
            Task.Run(() => LoginAndCallAsync(cluster.SessionConfig(), "bob@example.com", "pw-b")));

        using var later = ClusterScope.Client(cluster.SessionConfig());
        await later.VFolders.ListAsync();
        Assert.Contains(later.Auth.LoggedInUser, new[] { "alice@example.com", "bob@example.com" });
    }

    private static async Task LoginAndCallAsync(ApiConfig config, string user, string password)
    {
        for (var round = 0; round < Rounds; round++)
        {
            using var client = new BackendAIClient(config, new BackendAIClientOptions
            {
                NegotiateVersion = false,
                FetchAnnouncement = false,
                LoginStore = new LoginStore(config.Environment.GetVariable("BACKEND_STATE_DIR")!),
            });
            Assert.True((await client.Auth.LoginAsync(user, password)).IsAuthenticated);
            await client.VFolders.ListAsync();
        }
    }
}
