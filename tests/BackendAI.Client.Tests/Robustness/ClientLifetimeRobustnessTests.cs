using BackendAI.Client.Tests.Functions;

namespace BackendAI.Client.Tests.Robustness;

/// <summary>Using a client after it is disposed (DESIGN §5: one client's state must not harm the others).</summary>
public sealed class ClientLifetimeRobustnessTests
{
    [Fact]
    public async Task A_get_on_a_disposed_client_throws_object_disposed_and_leaves_the_shared_pool_healthy()
    {
        await using var cluster = await ClusterScope.StartAsync();
        var config = cluster.KeypairConfig();
        using var other = ClusterScope.Client(config);
        var disposed = ClusterScope.Client(config);
        disposed.Dispose();

        var error = await Record.ExceptionAsync(() => disposed.VFolders.ListAsync());

        Assert.IsType<ObjectDisposedException>(error);
        Assert.All(config.Pool.Endpoints, e => Assert.True(e.IsAlive));
    }

    [Fact]
    public async Task A_post_on_a_disposed_client_is_not_reported_as_outcome_unknown()
    {
        await using var cluster = await ClusterScope.StartAsync();
        var config = cluster.KeypairConfig();
        var disposed = ClusterScope.Client(config);
        disposed.Dispose();

        var options = new BackendAI.Client.Functions.VFolders.VFolderCreateOptions { Name = "data" };
        var error = await Record.ExceptionAsync(() => disposed.VFolders.CreateAsync(options));

        Assert.IsNotType<BackendAIOutcomeUnknownException>(error);
        Assert.IsType<ObjectDisposedException>(error);
        Assert.Empty(cluster.Received("POST", "/folders"));
    }
}
