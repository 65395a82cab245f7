namespace BackendAI.Client.Transport;

/// <summary>An immutable snapshot of an endpoint's health, replaced as a whole so every change is atomic.</summary>
/// <param name="IsAlive">Whether the endpoint is believed to answer.</param>
/// <param name="DeadUntil">When a dead endpoint may be probed again; null while alive.</param>
/// <param name="LastFailureAt">When the latest failure was recorded; null when none was.</param>
/// <param name="ConsecutiveFailures">Failures since the endpoint was last alive; 0 while alive.</param>
/// <param name="AverageLatency">The moving average of successful latencies; null until one is reported.</param>
/// <param name="ProbeClaimExpires">While a request is probing the dead endpoint, when that claim lapses.</param>
internal sealed record PooledEndpointState(
    bool IsAlive,
    DateTimeOffset? DeadUntil,
    DateTimeOffset? LastFailureAt,
    int ConsecutiveFailures,
    TimeSpan? AverageLatency,
    DateTimeOffset? ProbeClaimExpires)
{
    /// <summary>Gets the state of an endpoint that has not been tried yet.</summary>
    internal static PooledEndpointState Initial { get; } = new(true, null, null, 0, null, null);

    /// <summary>Tells whether the endpoint is dead and its backoff has run out.</summary>
    internal bool IsDue(DateTimeOffset now) => !IsAlive && DeadUntil <= now;

    /// <summary>Tells whether the endpoint is due and no other request currently holds the probe claim.</summary>
    internal bool IsClaimable(DateTimeOffset now) =>
        IsDue(now) && (ProbeClaimExpires is not { } expires || expires <= now);

    /// <summary>Returns this state turned alive: no backoff, no failures, no probe claim.</summary>
    internal PooledEndpointState Revived() =>
        this with { IsAlive = true, DeadUntil = null, ConsecutiveFailures = 0, ProbeClaimExpires = null };

    /// <summary>Returns this state with a latency sample folded into the exponentially weighted average.</summary>
    internal PooledEndpointState WithLatencySample(TimeSpan sample, double weight)
    {
        if (AverageLatency is not { } previous)
        {
            return this with { AverageLatency = sample };
        }

        var average = previous.Ticks + (weight * (sample.Ticks - previous.Ticks));
        return this with { AverageLatency = TimeSpan.FromTicks((long)Math.Round(average)) };
    }
}
