using System.Diagnostics;
using System.Globalization;

namespace BackendAI.Client.Benchmarks;

/// <summary>Percentiles of a set of request latencies measured in <see cref="Stopwatch"/> ticks.</summary>
internal sealed class LatencySummary
{
    private readonly double[] _milliseconds;

    internal LatencySummary(IEnumerable<long> ticks)
    {
        _milliseconds = ticks.Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
    }

    internal int Count => _milliseconds.Length;

    internal double P50 => Percentile(0.50);

    internal double P90 => Percentile(0.90);

    internal double P99 => Percentile(0.99);

    internal double Max => _milliseconds.Length == 0 ? 0 : _milliseconds[^1];

    /// <summary>The nearest-rank percentile: the smallest latency with that share of samples at or below.</summary>
    internal double Percentile(double share)
    {
        if (_milliseconds.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(share * _milliseconds.Length);
        return _milliseconds[Math.Clamp(rank - 1, 0, _milliseconds.Length - 1)];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {P50:F3} ms, p90 {P90:F3} ms, p99 {P99:F3} ms, max {Max:F3} ms");
}
