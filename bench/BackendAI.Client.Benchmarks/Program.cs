using BackendAI.Client.Benchmarks;
using BenchmarkDotNet.Running;

// `throughput`, `failover` and `transfer` are load runs of their own (see docs/performance.md); anything
// else goes to BenchmarkDotNet, e.g. `-- --filter '*Throughput*'`. Every measured run first waits for a
// quiet machine unless `--no-load-wait` is given.
var wait = !args.Contains("--no-load-wait");
args = args.Where(a => a != "--no-load-wait").ToArray();

switch (args.FirstOrDefault())
{
    case "throughput":
        return await ThroughputRun.RunAsync(args[1..], wait, Console.Out);
    case "failover":
        return await FailoverRun.RunAsync(args[1..], wait, Console.Out);
    case "transfer":
        return await TransferRun.RunAsync(args[1..], wait, Console.Out);
    default:
        if (wait)
        {
            await LoadGate.WaitAsync(Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(SigningBenchmarks).Assembly).Run(args);
        return 0;
}
