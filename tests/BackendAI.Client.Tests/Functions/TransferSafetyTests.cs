namespace BackendAI.Client.Tests.Functions;

public sealed class TransferSafetyTests
{
    [Fact]
    public async Task A_download_refuses_to_overwrite_an_existing_file_before_asking_for_a_ticket()
    {
        await using var cluster = await ClusterScope.StartAsync();
        var folder = cluster.State.CreateFolder("data");
        await File.WriteAllTextAsync(Path.Combine(folder.DirectoryPath, "a.txt"), "remote");
        var target = Path.Combine(cluster.Directory, "a.txt");
        await File.WriteAllTextAsync(target, "local");
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        var error = await Assert.ThrowsAsync<IOException>(
            () => client.VFolders.DownloadAsync("data", "a.txt", target));

        Assert.Contains(target, error.Message, StringComparison.Ordinal);
        Assert.Equal("local", await File.ReadAllTextAsync(target));
        Assert.Equal(0, cluster.Recorder.Count);
    }

    [Fact]
    public async Task A_download_replaces_an_existing_file_when_asked()
    {
        await using var cluster = await ClusterScope.StartAsync();
        var folder = cluster.State.CreateFolder("data");
        await File.WriteAllTextAsync(Path.Combine(folder.DirectoryPath, "a.txt"), "remote");
        var target = Path.Combine(cluster.Directory, "a.txt");
        await File.WriteAllTextAsync(target, "local and longer");
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        var done = await client.VFolders.DownloadAsync("data", "a.txt", target, overwrite: true);

        Assert.Equal("remote", await File.ReadAllTextAsync(target));
        Assert.Equal(6, done.Transferred);
        Assert.Equal(0, done.Resumes);
    }

    [Fact]
    public async Task A_missing_remote_file_is_an_api_error_and_leaves_no_local_file()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.CreateFolder("data");
        var target = Path.Combine(cluster.Directory, "none.txt");
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        var error = await Assert.ThrowsAsync<BackendAIApiException>(
            () => client.VFolders.DownloadAsync("data", "none.txt", target));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Empty(Directory.GetFiles(cluster.Directory, "none.txt*"));
    }

    [Fact]
    public async Task A_missing_local_file_is_refused_before_asking_for_a_ticket()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.CreateFolder("data");
        using var client = ClusterScope.Client(cluster.KeypairConfig());
        var missing = Path.Combine(cluster.Directory, "missing.bin");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(
            () => client.VFolders.UploadAsync("data", missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, cluster.Recorder.Count);
    }

    [Fact]
    public async Task An_empty_file_is_uploaded_and_downloaded()
    {
        await using var cluster = await ClusterScope.StartAsync();
        var folder = cluster.State.CreateFolder("data");
        var local = Path.Combine(cluster.Directory, "empty.txt");
        await File.WriteAllBytesAsync(local, []);
        var back = Path.Combine(cluster.Directory, "empty-back.txt");
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        await client.VFolders.UploadAsync("data", local);
        await client.VFolders.DownloadAsync("data", "empty.txt", back);

        Assert.Equal(0, new FileInfo(Path.Combine(folder.DirectoryPath, "empty.txt")).Length);
        Assert.Equal(0, new FileInfo(back).Length);
    }

    [Fact]
    public async Task Cancelling_an_upload_stops_it_part_way()
    {
        await using var cluster = await ClusterScope.StartAsync();
        var folder = cluster.State.CreateFolder("data");
        var local = TransferFiles.CreateRandom(cluster.Directory, "c.bin", 8L * 1024 * 1024);
        using var client = ClusterScope.Client(cluster.KeypairConfig());
        using var cancel = new CancellationTokenSource();
        var progress = new ProgressLog(p =>
        {
            if (p.Transferred >= 1024 * 1024)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.VFolders.UploadAsync("data", local, progress: progress, cancellationToken: cancel.Token));

        Assert.False(File.Exists(Path.Combine(folder.DirectoryPath, "c.bin")));
        Assert.True(progress.Reports[^1].Transferred < 8L * 1024 * 1024);
    }

    [Fact]
    public async Task Cancelling_a_download_stops_it_part_way_and_leaves_no_partial_file()
    {
        await using var cluster = await ClusterScope.StartAsync();
        var folder = cluster.State.CreateFolder("data");
        TransferFiles.CreateRandom(folder.DirectoryPath, "d.bin", 8L * 1024 * 1024);
        var target = Path.Combine(cluster.Directory, "d.bin");
        using var client = ClusterScope.Client(cluster.KeypairConfig());
        using var cancel = new CancellationTokenSource();
        var progress = new ProgressLog(p =>
        {
            if (p.Transferred >= 1024 * 1024)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.VFolders.DownloadAsync("data", "d.bin", target, progress: progress,
                cancellationToken: cancel.Token));

        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(cluster.Directory, "d.bin*"));
        Assert.True(progress.Reports[^1].Transferred < 8L * 1024 * 1024);
    }

    [Fact]
    public async Task A_download_into_a_missing_directory_fails_clearly_before_asking_for_a_ticket()
    {
        await using var cluster = await ClusterScope.StartAsync();
        var folder = cluster.State.CreateFolder("data");
        await File.WriteAllTextAsync(Path.Combine(folder.DirectoryPath, "a.txt"), "remote");
        var target = Path.Combine(cluster.Directory, "no-such-dir", "a.txt");
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(
            () => client.VFolders.DownloadAsync("data", "a.txt", target));

        Assert.Contains(Path.Combine(cluster.Directory, "no-such-dir"), error.Message, StringComparison.Ordinal);
        Assert.Equal(0, cluster.Recorder.Count);
    }

    [Fact]
    public async Task A_download_leaves_an_unrelated_part_file_beside_the_destination_alone()
    {
        await using var cluster = await ClusterScope.StartAsync();
        var folder = cluster.State.CreateFolder("data");
        await File.WriteAllTextAsync(Path.Combine(folder.DirectoryPath, "a.txt"), "remote");
        var target = Path.Combine(cluster.Directory, "a.txt");
        await File.WriteAllTextAsync(target + ".part", "mine");
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        await client.VFolders.DownloadAsync("data", "a.txt", target);

        Assert.Equal("remote", await File.ReadAllTextAsync(target));
        Assert.Equal("mine", await File.ReadAllTextAsync(target + ".part"));
    }
}
