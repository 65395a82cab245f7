using System.Security.Cryptography;
using System.Text.Json;

namespace BackendAI.Cli.Tests.Commands;

public sealed class VFolderTransferCommandTests
{
    private const string InternalProxy = "http://storage-internal:6021";

    private static async Task<EmulatedCli> StartBehindInternalProxyAsync()
    {
        var cli = await EmulatedCli.StartAsync();
        cli.State.StorageProxyPublicUrl = new Uri(InternalProxy);
        cli.State.CreateFolder("data");
        cli.Variables["BACKEND_OVERRIDE_STORAGE_PROXY"] = $"{InternalProxy}={cli.LoopbackProxy}";
        return cli;
    }

    private static async Task<byte[]> WriteRandomFileAsync(string path, int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        await File.WriteAllBytesAsync(path, bytes);
        return bytes;
    }

    [Fact]
    public async Task Upload_then_download_through_the_mapped_storage_proxy_round_trips_the_bytes()
    {
        await using var cli = await StartBehindInternalProxyAsync();
        var bytes = await WriteRandomFileAsync(cli.LocalPath("source.bin"), 3 * 1024 * 1024 + 17);

        var upload = await cli.RunAsync(
            "vfolder", "upload", "data", cli.LocalPath("source.bin"), "--remote", "in/x.bin");
        var download = await cli.RunAsync(
            "vfolder", "download", "data", "in/x.bin", "--to", cli.LocalPath("copy.bin"));

        Assert.Equal(0, upload.ExitCode);
        Assert.Contains("Uploaded", upload.Output, StringComparison.Ordinal);
        Assert.Contains("data:in/x.bin", upload.Output, StringComparison.Ordinal);
        var stored = Path.Combine(cli.State.FindFolder("data")!.DirectoryPath, "in", "x.bin");
        Assert.Equal(bytes, await File.ReadAllBytesAsync(stored));

        Assert.Equal(0, download.ExitCode);
        Assert.Contains("Downloaded", download.Output, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(cli.LocalPath("copy.bin")));

        Assert.Contains(cli.State.Log.Received, r => r.Method == "PATCH" && r.Path == "/upload");
        Assert.Contains(cli.State.Log.Received, r => r.Method == "GET" && r.Path == "/download");
    }

    [Fact]
    public async Task Progress_on_redirected_output_is_plain_lines_ending_at_100_percent()
    {
        await using var cli = await StartBehindInternalProxyAsync();
        await WriteRandomFileAsync(cli.LocalPath("source.bin"), 1024 * 1024);

        var upload = await cli.RunAsync("vfolder", "upload", "data", cli.LocalPath("source.bin"));

        Assert.Equal(0, upload.ExitCode);
        // Progress is not a result: it goes to standard error, so a redirected standard output stays clean.
        Assert.Contains("source.bin: 100% (1.0 MiB of 1.0 MiB)", upload.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("source.bin: 100%", upload.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", upload.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_on_a_terminal_is_a_progress_bar_and_no_plain_lines()
    {
        await using var cli = await StartBehindInternalProxyAsync();
        await WriteRandomFileAsync(cli.LocalPath("source.bin"), 1024 * 1024);

        var upload = await cli.RunAsync(
            new CliRunSettings(Terminal: true), "vfolder", "upload", "data", cli.LocalPath("source.bin"));

        Assert.Equal(0, upload.ExitCode);
        Assert.Contains("━", upload.Output, StringComparison.Ordinal);
        Assert.Contains("100%", upload.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("source.bin: 100%", upload.Output, StringComparison.Ordinal);
        Assert.Contains("Uploaded", upload.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transfer_as_json_prints_only_the_final_summary()
    {
        await using var cli = await StartBehindInternalProxyAsync();
        await WriteRandomFileAsync(cli.LocalPath("source.bin"), 100_000);

        var upload = await cli.RunAsync("vfolder", "upload", "data", cli.LocalPath("source.bin"), "-o", "json");
        var download = await cli.RunAsync("vfolder", "download", "data", "source.bin", "--to", cli.Directory,
            "--overwrite", "-o", "json");

        using var uploaded = JsonDocument.Parse(upload.Output);
        Assert.Equal("upload", uploaded.RootElement.GetProperty("direction").GetString());
        Assert.Equal(100_000, uploaded.RootElement.GetProperty("bytes").GetInt64());
        Assert.Equal("source.bin", uploaded.RootElement.GetProperty("remote").GetString());
        using var downloaded = JsonDocument.Parse(download.Output);
        Assert.Equal(cli.LocalPath("source.bin"), downloaded.RootElement.GetProperty("local").GetString());
        Assert.Equal(0, downloaded.RootElement.GetProperty("resumes").GetInt32());
    }

    [Fact]
    public async Task A_storage_proxy_map_that_matches_nothing_fails_with_a_clear_error_before_any_bytes_move()
    {
        await using var cli = await StartBehindInternalProxyAsync();
        cli.Variables["BACKEND_OVERRIDE_STORAGE_PROXY"] = $"http://other-proxy:6021={cli.LoopbackProxy}";
        await WriteRandomFileAsync(cli.LocalPath("source.bin"), 4096);

        var run = await cli.RunAsync("vfolder", "upload", "data", cli.LocalPath("source.bin"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"'{InternalProxy}/upload'", run.Error, StringComparison.Ordinal);
        Assert.Contains("BACKEND_OVERRIDE_STORAGE_PROXY", run.Error, StringComparison.Ordinal);
        Assert.Contains("http://other-proxy:6021", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(cli.State.Log.Received, r => r.Path == "/upload");
        Assert.Empty(Directory.EnumerateFileSystemEntries(cli.State.FindFolder("data")!.DirectoryPath));
    }

    [Fact]
    public async Task Download_refuses_to_overwrite_an_existing_file_without_overwrite()
    {
        await using var cli = await StartBehindInternalProxyAsync();
        await File.WriteAllTextAsync(Path.Combine(cli.State.FindFolder("data")!.DirectoryPath, "x.txt"), "remote");
        var local = cli.LocalPath("x.txt");
        await File.WriteAllTextAsync(local, "local");

        var refused = await cli.RunAsync("vfolder", "download", "data", "x.txt", "--to", local);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"'{local}' exists", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--overwrite", refused.Error, StringComparison.Ordinal);
        Assert.Equal("local", await File.ReadAllTextAsync(local));
        Assert.DoesNotContain(
            cli.State.Log.Received, r => r.Path.EndsWith("/request-download", StringComparison.Ordinal));

        var replaced = await cli.RunAsync("vfolder", "download", "data", "x.txt", "--to", local, "--overwrite");

        Assert.Equal(0, replaced.ExitCode);
        Assert.Equal("remote", await File.ReadAllTextAsync(local));
    }

    [Fact]
    public async Task An_upload_and_a_download_cut_halfway_resume_and_say_so()
    {
        await using var cli = await StartBehindInternalProxyAsync();
        const int Size = 4 * 1024 * 1024;
        var bytes = await WriteRandomFileAsync(cli.LocalPath("source.bin"), Size);

        cli.State.Faults.CutNextUploadAfter(Size / 2);
        var upload = await cli.RunAsync("vfolder", "upload", "data", cli.LocalPath("source.bin"));
        cli.State.Faults.CutNextDownloadAfter(Size / 2);
        var download = await cli.RunAsync(
            "vfolder", "download", "data", "source.bin", "--to", cli.LocalPath("copy.bin"));

        Assert.Equal(0, upload.ExitCode);
        Assert.Contains("connection broken; resumed at", upload.Error, StringComparison.Ordinal);
        Assert.Contains("resumed once", upload.Output, StringComparison.Ordinal);
        Assert.Equal(0, download.ExitCode);
        Assert.Contains("resumed once", download.Output, StringComparison.Ordinal);
        Assert.Equal(2, cli.State.Faults.CutsDone);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(cli.LocalPath("copy.bin")));
    }

    [Fact]
    public async Task Upload_of_a_missing_local_file_names_it_and_asks_the_manager_nothing()
    {
        await using var cli = await StartBehindInternalProxyAsync();

        var run = await cli.RunAsync("vfolder", "upload", "data", cli.LocalPath("absent.bin"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(cli.LocalPath("absent.bin"), run.Error, StringComparison.Ordinal);
        Assert.Empty(cli.State.Log.Received);
    }
}
