using System.Diagnostics;
using System.Globalization;
using BackendAI.Client.Configuration;
using BackendAI.Client.Transport;
using BackendAI.TestServer;

namespace BackendAI.Client.Benchmarks;

/// <summary>
/// The <c>failover</c> load run: signed GETs at a fixed concurrency over three endpoints, first all healthy,
/// then with the first one refusing connections, for the failover and round-robin strategies.
/// </summary>
/// <remarks>
/// Each scenario gets a fresh configuration (so a fresh endpoint pool that does not yet know the dead endpoint)
/// and a fresh client, unopened so no version probe marks the endpoint dead before the clock starts. Shuffling is
/// off and the refusing endpoint comes first: with the failover strategy every request starts there until the
/// pool learns otherwise, the worst order.
/// </remarks>
internal static class FailoverRun
{
    private const string Path = "/folders";

    internal static async Task<int> RunAsync(string[] args, bool wait, TextWriter output)
    {
        var requests = CommandLine.Int(args, "--requests", 10_000);
        var concurrency = CommandLine.Int(args, "--concurrency", 16);

        using var counter = new ConnectionCounter();
        await using var first = await TestServerHost.StartAsync();
        await using var second = await TestServerHost.StartAsync();
        await using var third = await TestServerHost.StartAsync();
        TestServerHost[] servers = [first, second, third];
        var refused = TestServerHost.GetRefusedAddress();
        Uri[] healthy = [first.BaseAddress, second.BaseAddress, third.BaseAddress];
        Uri[] oneDead = [refused, second.BaseAddress, third.BaseAddress];

        // Warm-up on a pool of its own: compiles the code paths without teaching the measured pools anything.
        await MeasureAsync(LoadBalancingStrategy.RoundRobin, healthy, 2000, concurrency, servers, counter);

        if (wait)
        {
            await LoadGate.WaitAsync(output);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{requests} GET {Path} per scenario at concurrency {concurrency}; refusing endpoint {refused}"));
        foreach (var strategy in new[] { LoadBalancingStrategy.Failover, LoadBalancingStrategy.RoundRobin })
        {
            var allHealthy = await MeasureAsync(strategy, healthy, requests, concurrency, servers, counter);
            var withDead = await MeasureAsync(strategy, oneDead, requests, concurrency, servers, counter);
            Report(output, strategy, "3 healthy", allHealthy, null);
            Report(output, strategy, "1 refusing + 2 healthy", withDead, allHealthy);
        }

        return 0;
    }

    private static async Task<ScenarioResult> MeasureAsync(
        LoadBalancingStrategy strategy, Uri[] endpoints, int requests, int concurrency, TestServerHost[] servers,
        ConnectionCounter counter)
    {
        foreach (var server in servers)
        {
            server.Recorder.Clear();
        }

        using var logs = new CapturingLoggerFactory();
        var config = new ApiConfigOptions
        {
            Endpoints = endpoints.Select(e => e.ToString()).ToList(),
            AccessKey = TestKeypairs.DefaultAccessKey,
            SecretKey = TestKeypairs.DefaultSecretKey,
            LoadBalancing = strategy,
            ShuffleEndpoints = false,
        }.Build();
        using var client = new BackendAIClient(config, new BackendAIClientOptions { LoggerFactory = logs });

        GC.Collect();
        GC.WaitForPendingFinalizers();
        counter.Reset(endpoints[0].Port);
        var latencies = new long[requests];
        var failures = 0;
        string? firstError = null;
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(new ApiRequest(HttpMethod.Get, Path));
                }
                catch (BackendAIException ex)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstError, ex.Message, null);
                }

                latencies[index] = Stopwatch.GetTimestamp() - started;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();

        return new ScenarioResult(
            new LatencySummary(latencies),
            clock.Elapsed,
            failures,
            firstError,
            servers.Select(s => endpoints.Contains(s.BaseAddress) ? s.Recorder.Count : 0).ToArray(),
            new DeadEndpointTally(
                logs.Count(1003, endpoints[0]),
                logs.Count(1004, endpoints[0]),
                counter.Requests,
                counter.Probes,
                counter.ConnectsFailed));
    }

    private static void Report(
        TextWriter output, LoadBalancingStrategy strategy, string scenario, ScenarioResult result,
        ScenarioResult? baseline)
    {
        var rate = result.Latency.Count / result.Elapsed.TotalSeconds;
        var p99Ratio = baseline is null ? "" : string.Create(CultureInfo.InvariantCulture,
            $"; p99 ÷ healthy p99 = {result.Latency.P99 / baseline.Latency.P99:F2}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{strategy}] {scenario}: {result.Failures} failed, {result.Latency}, {rate:F0} req/s{p99Ratio}"));
        output.WriteLine("    answered per server (incl. probes): " + string.Join(", ", result.Answered));
        var dead = result.FirstEndpoint;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    first endpoint: {dead.FailedOver} attempts failed over (1003), "
            + $"marked dead {dead.MarkedDead}x (1004); "
            + $"on the wire: {dead.Requests} requests + {dead.Probes} probes started, "
            + $"{dead.ConnectsFailed} TCP connects refused"));
        if (result.FirstError is not null)
        {
            output.WriteLine("    first error: " + result.FirstError);
        }
    }

    private sealed record ScenarioResult(
        LatencySummary Latency,
        TimeSpan Elapsed,
        int Failures,
        string? FirstError,
        int[] Answered,
        DeadEndpointTally FirstEndpoint);

    private sealed record DeadEndpointTally(
        int FailedOver, int MarkedDead, int Requests, int Probes, int ConnectsFailed);
}
