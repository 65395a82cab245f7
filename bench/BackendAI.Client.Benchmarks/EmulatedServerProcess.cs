using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BackendAI.Client.Benchmarks;

/// <summary>
/// The local server in emulation mode (manager and storage proxy) as a process of its own, started with
/// <c>dotnet run --project tests/BackendAI.TestServer -c Release -- --emulate --port N</c>, so that its memory
/// and its disk writes are not the client's.
/// </summary>
internal sealed class EmulatedServerProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);
    private readonly Process _process;

    private EmulatedServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the server's address, <c>http://127.0.0.1:port/</c>.</summary>
    internal Uri BaseAddress { get; }

    /// <summary>Gets the command line the server was started with, for the report.</summary>
    internal static string CommandText(int port) =>
        string.Create(CultureInfo.InvariantCulture,
            $"dotnet run --project tests/BackendAI.TestServer -c Release --no-launch-profile "
            + $"-- --emulate --port {port}");

    /// <summary>Starts the server and waits until it says it listens.</summary>
    /// <param name="repositoryRoot">The directory holding <c>BackendAI.slnx</c>.</param>
    /// <param name="tempDirectory">The server's temporary directory, where its folders' files land.</param>
    /// <param name="log">Receives the command line and the server's error output.</param>
    internal static async Task<EmulatedServerProcess> StartAsync(
        string repositoryRoot, string tempDirectory, TextWriter log)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in CommandText(port).Split(' ').Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        // Its folders live under TMPDIR, which the caller deletes afterwards; no build node may outlive the run.
        start.Environment["TMPDIR"] = tempDirectory;
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        log.WriteLine("starting: " + CommandText(port));

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            const string marker = " on http://";
            var at = e.Data?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
            if (at >= 0)
            {
                ready.TrySetResult(new Uri(e.Data![(at + 4)..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.WriteLine("server: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(StartTimeout));
        if (first != ready.Task)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException(
                "The emulated server did not report its address; see its output above.");
        }

        return new EmulatedServerProcess(process, await ready.Task);
    }

    /// <summary>Stops the server and every process <c>dotnet run</c> started for it.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
