using BackendAI.Client.Functions.Sessions;
using BackendAI.Client.Tests.Functions;

namespace BackendAI.Client.Tests.Robustness;

/// <summary>
/// Names that become path segments: "." and ".." are dot segments, which <see cref="Uri"/> removes, so the
/// request silently goes to another resource (DESIGN §4 traps).
/// </summary>
public sealed class PathSegmentRobustnessTests
{
    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_session_name_made_of_dots_is_refused_before_anything_is_sent(string name)
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        await Assert.ThrowsAsync<ArgumentException>(
            () => client.Sessions.GetOrCreateAsync(new SessionCreateOptions { Image = "python:3.9", Name = name }));

        Assert.Empty(cluster.Recorder.Requests);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Destroying_a_session_named_with_dots_is_refused_before_a_delete_goes_to_another_path(string name)
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        await Assert.ThrowsAsync<ArgumentException>(() => client.Sessions.DestroyAsync(name));

        Assert.Empty(cluster.Recorder.Requests);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Deleting_a_folder_named_with_dots_is_refused_before_a_delete_goes_to_another_path(string name)
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        await Assert.ThrowsAsync<ArgumentException>(() => client.VFolders.DeleteAsync(name));

        Assert.Empty(cluster.Recorder.Requests);
    }
}
