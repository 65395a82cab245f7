using System.Globalization;

namespace BackendAI.Client.Transport;

/// <summary>A read-only view of one configured endpoint and its current health.</summary>
/// <remarks>
/// Each property reads the latest state; the state changes atomically as requests report back, so two
/// properties read one after the other may describe different moments.
/// </remarks>
public sealed class PooledEndpoint
{
    private readonly TimeProvider timeProvider;
    private PooledEndpointState state = PooledEndpointState.Initial;

    internal PooledEndpoint(Uri uri, int index, TimeProvider timeProvider)
    {
        Uri = uri;
        Index = index;
        this.timeProvider = timeProvider;
    }

    /// <summary>Gets the endpoint's base URL as configured.</summary>
    public Uri Uri { get; }

    /// <summary>Gets a value indicating whether the endpoint is believed to answer; new ones count as alive.</summary>
    public bool IsAlive => State.IsAlive;

    /// <summary>Gets when a dead endpoint may be probed again, or null while it is alive.</summary>
    public DateTimeOffset? DeadUntil => State.DeadUntil;

    /// <summary>Gets the number of failures since the endpoint was last alive (0 while alive).</summary>
    public int ConsecutiveFailures => State.ConsecutiveFailures;

    /// <summary>Gets the moving average of successful request latencies, or null before the first one.</summary>
    public TimeSpan? AverageLatency => State.AverageLatency;

    /// <summary>
    /// Gets a value indicating whether the endpoint is dead and its backoff has run out, so a cheap
    /// unauthenticated probe must succeed before a request is sent to it.
    /// </summary>
    public bool NeedsProbe => State.IsDue(timeProvider.GetUtcNow());

    /// <summary>Gets the position of the endpoint in its pool.</summary>
    internal int Index { get; }

    /// <summary>Gets the current state snapshot.</summary>
    internal PooledEndpointState State => Volatile.Read(ref state);

    /// <summary>Returns the URL and health, for logs and debugging.</summary>
    public override string ToString()
    {
        var snapshot = State;
        if (snapshot.IsAlive)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Uri} (alive)");
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Uri} (dead until {snapshot.DeadUntil:O}, {snapshot.ConsecutiveFailures} consecutive failures)");
    }

    /// <summary>Replaces the state if nobody changed it since <paramref name="expected"/> was read.</summary>
    internal bool TryReplace(PooledEndpointState expected, PooledEndpointState next) =>
        ReferenceEquals(Interlocked.CompareExchange(ref state, next, expected), expected);
}
