using BackendAI.Client.Configuration;

namespace BackendAI.Client.Transport;

/// <content>
/// Outcome reporting: successes, failures and probe results change an endpoint's state and move the
/// failover strategy's sticky endpoint.
/// </content>
internal sealed partial class EndpointPool
{
    /// <summary>Records a successful request: the endpoint is alive and its latency joins the average.</summary>
    /// <remarks>
    /// A success from a request that started before the endpoint's latest failure was recorded updates the
    /// average but does not revive the endpoint: the failure is the newer evidence.
    /// </remarks>
    internal void ReportSuccess(PooledEndpoint endpoint, TimeSpan latency)
    {
        RequireMember(endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);

        var startedAt = TimeProvider.GetUtcNow() - latency;
        bool revived;
        while (true)
        {
            var current = endpoint.State;
            revived = !current.IsAlive && !(current.LastFailureAt > startedAt);
            var next = (revived ? current.Revived() : current).WithLatencySample(latency, LatencyWeight);
            if (endpoint.TryReplace(current, next))
            {
                break;
            }
        }

        if (revived)
        {
            PreferRevived(endpoint);
        }
    }

    /// <summary>Records a failed attempt: the endpoint is marked dead with capped exponential backoff.</summary>
    /// <remarks>
    /// A failure reported while the endpoint is already dead and not yet due changes nothing, so requests that
    /// were in flight when a server went down do not stretch its backoff.
    /// </remarks>
    /// <returns>True when this report turned a live endpoint dead (so exactly one caller logs the death).</returns>
    internal bool ReportFailure(PooledEndpoint endpoint)
    {
        RequireMember(endpoint);
        return MarkDead(endpoint);
    }

    /// <summary>Records the outcome of the probe sent to an endpoint that needed one.</summary>
    /// <remarks>A failed probe marks the endpoint dead again with a longer backoff.</remarks>
    internal void ReportProbeResult(PooledEndpoint endpoint, bool alive)
    {
        RequireMember(endpoint);
        if (!alive)
        {
            _ = MarkDead(endpoint);
            return;
        }

        while (true)
        {
            var current = endpoint.State;
            if (current.IsAlive || endpoint.TryReplace(current, current.Revived()))
            {
                break;
            }
        }

        PreferRevived(endpoint);
    }

    /// <summary>Claims the right to probe a due endpoint, so that concurrent requests do not probe it too.</summary>
    internal bool TryClaimProbe(PooledEndpoint endpoint, DateTimeOffset now)
    {
        while (true)
        {
            var current = endpoint.State;
            if (!current.IsClaimable(now))
            {
                return false;
            }

            var claimed = current with { ProbeClaimExpires = now + Backoff.ProbeClaimTimeout };
            if (endpoint.TryReplace(current, claimed))
            {
                return true;
            }
        }
    }

    private bool MarkDead(PooledEndpoint endpoint)
    {
        bool wasAlive;
        while (true)
        {
            var current = endpoint.State;
            var now = TimeProvider.GetUtcNow();
            if (!current.IsAlive && current.DeadUntil > now)
            {
                return false;
            }

            var failures = current.ConsecutiveFailures + 1;
            var delay = Backoff.DelayAfter(failures, NextUnitSample());
            var dead = current with
            {
                IsAlive = false,
                DeadUntil = now + delay,
                LastFailureAt = now,
                ConsecutiveFailures = failures,
                ProbeClaimExpires = null,
            };

            if (endpoint.TryReplace(current, dead))
            {
                wasAlive = current.IsAlive;
                break;
            }
        }

        MovePreferenceAwayFrom(endpoint);
        return wasAlive;
    }

    /// <summary>After the sticky endpoint fails, makes the next live one (else the soonest due) sticky.</summary>
    private void MovePreferenceAwayFrom(PooledEndpoint failed)
    {
        if (Strategy != LoadBalancingStrategy.Failover || PreferredIndex != failed.Index)
        {
            return;
        }

        var choice = -1;
        DateTimeOffset? soonest = null;
        for (var step = 1; step <= endpoints.Length; step++)
        {
            var candidate = endpoints[(failed.Index + step) % endpoints.Length];
            var state = candidate.State;
            if (state.IsAlive)
            {
                choice = candidate.Index;
                break;
            }

            if (soonest is null || state.DeadUntil < soonest)
            {
                soonest = state.DeadUntil;
                choice = candidate.Index;
            }
        }

        // Only the first reporter moves the preference, so concurrent failures of one endpoint move it once.
        Interlocked.CompareExchange(ref preferredIndex, choice, failed.Index);
    }

    /// <summary>When the sticky endpoint is dead, makes a revived endpoint sticky instead.</summary>
    private void PreferRevived(PooledEndpoint revived)
    {
        if (Strategy != LoadBalancingStrategy.Failover)
        {
            return;
        }

        var current = PreferredIndex;
        if (current != revived.Index && !endpoints[current].State.IsAlive)
        {
            Interlocked.CompareExchange(ref preferredIndex, revived.Index, current);
        }
    }
}
