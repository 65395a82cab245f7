using System.Diagnostics;
using System.Globalization;

namespace BackendAI.Client.Benchmarks;

/// <summary>
/// The <c>throughput</c> run: the requests of <see cref="ThroughputBenchmarks"/>, but with the client and the
/// bare <see cref="HttpClient"/> measured in alternating rounds (ABBA order) in one process, so that a change in
/// the machine's load during the run touches both sides alike. Reports the median requests/s of each side and
/// the median of the per-round ratios.
/// </summary>
internal static class ThroughputRun
{
    internal static async Task<int> RunAsync(string[] args, bool wait, TextWriter output)
    {
        var rounds = CommandLine.Int(args, "--rounds", 10);
        int[] levels = CommandLine.String(args, "--concurrency") is not null
            ? [CommandLine.Int(args, "--concurrency", 1)]
            : [1, 32];

        var results = new List<(int Concurrency, double Bare, double Client, double Ratio)>();
        foreach (var concurrency in levels)
        {
            using var bench = new ThroughputBenchmarks { Concurrency = concurrency };
            bench.Setup();

            // Warm-up: two rounds per side, not counted.
            for (var i = 0; i < 2; i++)
            {
                await bench.BareHttpClient();
                await bench.ClientSendAsync();
            }

            if (wait)
            {
                await LoadGate.WaitAsync(output);
            }

            var bare = new List<double>();
            var client = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var clientFirst = round % 2 == 1;
                if (clientFirst)
                {
                    client.Add(await RateAsync(bench.ClientSendAsync));
                }

                bare.Add(await RateAsync(bench.BareHttpClient));
                if (!clientFirst)
                {
                    client.Add(await RateAsync(bench.ClientSendAsync));
                }
            }

            var ratio = Median(client.Zip(bare, (c, b) => c / b));
            results.Add((concurrency, Median(bare), Median(client), ratio));
            output.WriteLine(
                $"concurrency {concurrency}, req/s per round: bare {Join(bare)}; client {Join(client)}");
        }

        output.WriteLine("| concurrency | bare HttpClient req/s | client req/s | client ÷ bare |");
        output.WriteLine("| ---: | ---: | ---: | ---: |");
        foreach (var (concurrency, bare, client, ratio) in results)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {concurrency} | {bare:F0} | {client:F0} | {ratio:F3} |"));
        }

        return 0;
    }

    private static async Task<double> RateAsync(Func<Task> run)
    {
        var clock = Stopwatch.StartNew();
        await run();
        return ThroughputBenchmarks.RequestsPerInvoke / clock.Elapsed.TotalSeconds;
    }

    private static string Join(IEnumerable<double> rates) =>
        string.Join(" ", rates.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
