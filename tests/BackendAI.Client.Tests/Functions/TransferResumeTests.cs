namespace BackendAI.Client.Tests.Functions;

public sealed class TransferResumeTests
{
    private const long Size = 200L * 1024 * 1024;
    private const long Half = Size / 2;

    [Fact]
    public async Task A_200_mib_upload_and_download_each_cut_once_halfway_resume_and_match_byte_for_byte()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.StorageProxyPublicUrl = new Uri("http://storage-internal:6021");
        var folder = cluster.State.CreateFolder("big");
        var local = TransferFiles.CreateRandom(cluster.Directory, "big.bin", Size);
        using var client = ClusterScope.Client(cluster.KeypairConfig(
            ("BACKEND_OVERRIDE_STORAGE_PROXY", $"http://storage-internal:6021={cluster.Endpoint}")));
        var uploadProgress = new ProgressLog();
        var downloadProgress = new ProgressLog();
        var downloaded = Path.Combine(cluster.Directory, "back.bin");

        cluster.State.Faults.CutNextUploadAfter(Half);
        var upload = await client.VFolders.UploadAsync("big", local, "big.bin", uploadProgress);
        var uploadCuts = cluster.State.Faults.CutsDone;
        cluster.State.Faults.CutNextDownloadAfter(Half);
        var download = await client.VFolders.DownloadAsync(
            "big", "big.bin", downloaded, progress: downloadProgress);

        Assert.Equal(1, uploadCuts);
        Assert.Equal(2, cluster.State.Faults.CutsDone);
        Assert.Equal(1, upload.Resumes);
        Assert.Equal(Size, upload.Transferred);
        Assert.Equal(1, download.Resumes);
        Assert.Equal(Size, download.Transferred);
        TransferFiles.AssertSameContent(local, Path.Combine(folder.DirectoryPath, "big.bin"));
        TransferFiles.AssertSameContent(local, downloaded);
        Assert.Empty(Directory.GetFiles(cluster.Directory, "*.part"));

        var offsets = cluster.Received("PATCH", "/upload")
            .Select(r => long.Parse(r.Header("Upload-Offset")!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(0, offsets[0]);
        Assert.Contains(Half, offsets);
        Assert.Equal(offsets.Order(), offsets);
        Assert.Equal(offsets.Count, offsets.Distinct().Count());

        Assert.Equal(2, cluster.Received("HEAD", "/upload").Count);
        var ranged = Assert.Single(cluster.Received("GET", "/download"), r => r.Header("Range") is not null);
        // The cut drops whatever was still in flight, so the client resumes from what it really received.
        var resumedAt = long.Parse(
            ranged.Header("Range")!["bytes=".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(resumedAt, 1, Half);
        Assert.NotNull(ranged.Header("If-Range"));

        AssertProgressRises(uploadProgress, Size);
        AssertProgressRises(downloadProgress, Size);
        Assert.Contains(downloadProgress.Reports, p => p.Resumes == 1 && p.Transferred == resumedAt);
        File.Delete(local);
        File.Delete(downloaded);
    }

    private static void AssertProgressRises(ProgressLog log, long size)
    {
        var reports = log.Reports;
        Assert.True(reports.Count > 10, $"only {reports.Count} progress reports");
        Assert.Equal(size, reports[^1].Transferred);
        Assert.All(reports, r => Assert.Equal(size, r.Total));
        Assert.Equal(1, reports[^1].Resumes);
        Assert.Contains(reports, r => r.Transferred > 0 && r.Transferred < size);
    }
}
