using System.Diagnostics;

namespace BackendAI.Client.Benchmarks;

/// <summary>
/// Samples this process's working set (resident memory) every 20 ms from creation until disposal and keeps the
/// peak, for measuring how much a transfer grows the client.
/// </summary>
internal sealed class WorkingSetSampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _peak;
    private int _samples;

    internal WorkingSetSampler()
    {
        Baseline = Sample();
        _peak = Baseline;
        _thread = new Thread(Run) { IsBackground = true, Name = "working-set sampler" };
        _thread.Start();
    }

    /// <summary>Gets the working set when sampling started, in bytes.</summary>
    internal long Baseline { get; }

    /// <summary>Gets the highest working set sampled so far, in bytes.</summary>
    internal long Peak => Interlocked.Read(ref _peak);

    /// <summary>Gets the number of samples taken.</summary>
    internal int Samples => Volatile.Read(ref _samples);

    /// <summary>Gets the peak minus the baseline, in bytes.</summary>
    internal long Growth => Peak - Baseline;

    /// <summary>Reads the working set now, in bytes.</summary>
    internal static long Sample()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    /// <summary>Stops sampling after one last sample.</summary>
    public void Dispose()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
            _thread.Join();
        }

        _stop.Dispose();
    }

    private void Run()
    {
        while (!_stop.IsCancellationRequested)
        {
            Record(Sample());
            _stop.Token.WaitHandle.WaitOne(Interval);
        }

        Record(Sample());
    }

    private void Record(long value)
    {
        Interlocked.Increment(ref _samples);
        long current;
        while (value > (current = Interlocked.Read(ref _peak)))
        {
            Interlocked.CompareExchange(ref _peak, value, current);
        }
    }
}
