using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using BackendAI.Client.Configuration;
using BackendAI.Client.Functions.VFolders;
using BackendAI.TestServer;

namespace BackendAI.Client.Benchmarks;

/// <summary>
/// The <c>transfer</c> run: uploads a file (1 GiB by default) into the demo user's folder <c>mydata</c> through
/// the emulated storage proxy running as its own process, downloads it again, and reports each transfer's
/// throughput and the growth of this (the client's) process's working set over its baseline.
/// </summary>
internal static class TransferRun
{
    private const string Folder = "mydata";
    private const string RemoteName = "bench.bin";
    private const int MiB = 1024 * 1024;

    internal static async Task<int> RunAsync(string[] args, bool wait, TextWriter output)
    {
        var sizeMiB = CommandLine.Int(args, "--size-mib", 1024);
        var root = FindRepositoryRoot();
        var work = Directory.CreateTempSubdirectory("backendai-bench-").FullName;
        try
        {
            var serverTemp = Directory.CreateDirectory(Path.Combine(work, "server")).FullName;
            var source = Path.Combine(work, "upload.bin");
            var target = Path.Combine(work, "download.bin");
            await WriteSourceAsync(source, sizeMiB);

            using var server = await EmulatedServerProcess.StartAsync(root, serverTemp, output);
            var config = new ApiConfigOptions
            {
                Endpoint = server.BaseAddress.ToString(),
                AccessKey = TestKeypairs.DefaultAccessKey,
                SecretKey = TestKeypairs.DefaultSecretKey,
            }.Build();
            using var client = await BackendAIClient.OpenAsync(config, new BackendAIClientOptions
            {
                FetchAnnouncement = false,
            });

            // A small round trip first, so compiling the transfer code is not counted as its memory.
            await WarmUpAsync(client, work);

            if (wait)
            {
                await LoadGate.WaitAsync(output);
            }

            var size = (long)sizeMiB * MiB;
            var upload = await MeasureAsync(() => client.VFolders.UploadAsync(Folder, source, RemoteName));
            var download = await MeasureAsync(() => client.VFolders.DownloadAsync(Folder, RemoteName, target));

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"file: {sizeMiB} MiB"));
            Report(output, "upload", size, upload);
            Report(output, "download", size, download);
            output.WriteLine(await SameContentAsync(source, target)
                ? "downloaded file equals the uploaded one (SHA-256)"
                : "MISMATCH: the downloaded file differs from the uploaded one");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<Measurement> MeasureAsync(Func<Task<TransferProgress>> transfer)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var sampler = new WorkingSetSampler();
        var clock = Stopwatch.StartNew();
        var result = await transfer();
        clock.Stop();
        sampler.Dispose();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new Measurement(clock.Elapsed, result, sampler.Baseline, sampler.Peak, sampler.Samples, allocated);
    }

    private static void Report(TextWriter output, string name, long size, Measurement m)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {m.Elapsed.TotalSeconds:F2} s, {size / (double)MiB / m.Elapsed.TotalSeconds:F1} MiB/s, "
            + $"{m.Result.Transferred} bytes, {m.Result.Resumes} resumes; working set baseline "
            + $"{m.Baseline / (double)MiB:F1} MiB, peak {m.Peak / (double)MiB:F1} MiB, growth "
            + $"{(m.Peak - m.Baseline) / (double)MiB:F1} MiB ({m.Samples} samples); "
            + $"managed allocations {m.Allocated / (double)MiB:F1} MiB"));
    }

    private static async Task WarmUpAsync(BackendAIClient client, string work)
    {
        var small = Path.Combine(work, "warm-up.bin");
        await WriteSourceAsync(small, 4);
        await client.VFolders.UploadAsync(Folder, small, "warm-up.bin");
        await client.VFolders.DownloadAsync(Folder, "warm-up.bin", small, overwrite: true);
        File.Delete(small);
    }

    private static async Task WriteSourceAsync(string path, int sizeMiB)
    {
        var random = new Random(20240315);
        var buffer = new byte[MiB];
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0);
        for (var i = 0; i < sizeMiB; i++)
        {
            random.NextBytes(buffer);
            await file.WriteAsync(buffer);
        }
    }

    private static async Task<bool> SameContentAsync(string first, string second)
    {
        if (new FileInfo(first).Length != new FileInfo(second).Length)
        {
            return false;
        }

        var firstHash = await HashAsync(first);
        var secondHash = await HashAsync(second);
        return firstHash.AsSpan().SequenceEqual(secondHash);
    }

    private static async Task<byte[]> HashAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return await SHA256.HashDataAsync(file);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BackendAI.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BackendAI.slnx was not found above " + AppContext.BaseDirectory);
    }

    private sealed record Measurement(
        TimeSpan Elapsed, TransferProgress Result, long Baseline, long Peak, int Samples, long Allocated);
}
