using BackendAI.Client.Functions.VFolders;

namespace BackendAI.Client.Tests.Functions;

public sealed class StorageProxyMapTests
{
    private const string InternalProxy = "http://storage-internal:6021";

    [Fact]
    public async Task A_map_entry_for_the_proxy_base_sends_the_upload_to_the_mapped_address()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.StorageProxyPublicUrl = new Uri(InternalProxy);
        var folder = cluster.State.CreateFolder("data");
        var local = TransferFiles.CreateRandom(cluster.Directory, "small.bin", 300_000);
        using var client = ClusterScope.Client(cluster.KeypairConfig(
            ("BACKEND_OVERRIDE_STORAGE_PROXY", $"{InternalProxy}={cluster.Endpoint}")));

        await client.VFolders.UploadAsync("data", local, "in/small.bin");

        TransferFiles.AssertSameContent(local, Path.Combine(folder.DirectoryPath, "in", "small.bin"));
        var patch = Assert.Single(cluster.Received("PATCH", "/upload"));
        Assert.StartsWith("/upload?token=", patch.RawTarget, StringComparison.Ordinal);
        Assert.Equal("1.0.0", patch.Header("Tus-Resumable"));
        Assert.Equal("0", patch.Header("Upload-Offset"));
        Assert.Equal("application/offset+octet-stream", patch.Header("Content-Type"));
        Assert.Null(patch.Header("Authorization"));
    }

    [Fact]
    public async Task A_map_entry_for_the_exact_url_sends_the_download_to_the_mapped_address()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.StorageProxyPublicUrl = new Uri(InternalProxy);
        var folder = cluster.State.CreateFolder("data");
        await File.WriteAllTextAsync(Path.Combine(folder.DirectoryPath, "note.txt"), "mapped");
        using var client = ClusterScope.Client(cluster.KeypairConfig(
            ("BACKEND_OVERRIDE_STORAGE_PROXY", $"{InternalProxy}/download={cluster.Endpoint}/download")));
        var target = Path.Combine(cluster.Directory, "note.txt");

        await client.VFolders.DownloadAsync("data", "note.txt", target);

        Assert.Equal("mapped", await File.ReadAllTextAsync(target));
        Assert.Single(cluster.Received("GET", "/download"));
    }

    [Fact]
    public async Task A_map_that_matches_nothing_fails_clearly_before_any_byte_moves()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.StorageProxyPublicUrl = new Uri(InternalProxy);
        cluster.State.CreateFolder("data");
        var local = TransferFiles.CreateRandom(cluster.Directory, "small.bin", 1000);
        using var client = ClusterScope.Client(cluster.KeypairConfig(
            ("BACKEND_OVERRIDE_STORAGE_PROXY", $"http://other-proxy:6021={cluster.Endpoint}")));

        var error = await Assert.ThrowsAsync<BackendAIException>(
            () => client.VFolders.UploadAsync("data", local));

        Assert.Contains($"'{InternalProxy}/upload'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"http://other-proxy:6021={cluster.Endpoint}", error.Message, StringComparison.Ordinal);
        Assert.Contains("BACKEND_OVERRIDE_STORAGE_PROXY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(
            cluster.Recorder.Requests, r => r.RawTarget.StartsWith("/upload", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_map_the_handed_out_address_is_used_as_it_is()
    {
        await using var cluster = await ClusterScope.StartAsync();
        var folder = cluster.State.CreateFolder("data");
        var local = TransferFiles.CreateRandom(cluster.Directory, "direct.bin", 5000);
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        var done = await client.VFolders.UploadAsync("data", local);

        Assert.Equal(new TransferProgress(5000, 5000, 0), done);
        TransferFiles.AssertSameContent(local, Path.Combine(folder.DirectoryPath, "direct.bin"));
    }

    [Fact]
    public async Task The_map_also_applies_to_transfers_in_session_mode()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser("alice@example.com", "pw");
        cluster.State.StorageProxyPublicUrl = new Uri(InternalProxy);
        var folder = cluster.State.CreateFolder("data");
        var local = TransferFiles.CreateRandom(cluster.Directory, "web.bin", 70_000);
        using var client = ClusterScope.Client(cluster.SessionConfig(
            ("BACKEND_OVERRIDE_STORAGE_PROXY", $"{InternalProxy}={cluster.Endpoint}")));
        await client.Auth.LoginAsync("alice@example.com", "pw");

        await client.VFolders.UploadAsync("data", local);

        Assert.Single(cluster.Received("POST", "/func/folders/data/request-upload"));
        Assert.Null(Assert.Single(cluster.Received("PATCH", "/upload")).Header("Cookie"));
        TransferFiles.AssertSameContent(local, Path.Combine(folder.DirectoryPath, "web.bin"));
    }
}
