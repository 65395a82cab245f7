using System.Diagnostics;
using System.Globalization;

namespace BackendAI.Client.Benchmarks;

/// <summary>
/// Waits for a quiet machine before a measured run: the 1-minute load average below a threshold, polled every
/// 20 s for at most 10 minutes; after that the run goes ahead and says so.
/// </summary>
internal static class LoadGate
{
    private const double Threshold = 1.5;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    /// <summary>Waits, then returns a line describing the load when measuring started.</summary>
    internal static async Task<string> WaitAsync(TextWriter log)
    {
        var waited = Stopwatch.StartNew();
        var load = ReadLoad();
        while (load >= Threshold && waited.Elapsed < MaxWait)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"load average {load:F2} >= {Threshold}; waiting ({waited.Elapsed.TotalSeconds:F0} s so far)"));
            await Task.Delay(PollInterval);
            load = ReadLoad();
        }

        var verdict = load < Threshold ? "quiet enough" : "still busy after 10 minutes; measured anyway";
        var line = string.Create(CultureInfo.InvariantCulture,
            $"load average {load:F2} when measuring started, after {waited.Elapsed.TotalSeconds:F0} s "
            + $"({verdict})");
        log.WriteLine(line);
        return line;
    }

    /// <summary>Reads the 1-minute load average from <c>/proc/loadavg</c>; 0 where there is none.</summary>
    internal static double ReadLoad()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path))
        {
            return 0;
        }

        var first = File.ReadAllText(path).Split(' ', 2)[0];
        return double.Parse(first, CultureInfo.InvariantCulture);
    }
}
