using BackendAI.Client.Benchmarks;
using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, e.g. `-- --filter '*Signing*' --job short`.
BenchmarkSwitcher.FromAssembly(typeof(SigningBenchmarks).Assembly).Run(args);
return 0;
