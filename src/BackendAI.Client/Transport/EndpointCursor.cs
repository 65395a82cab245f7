using BackendAI.Client.Configuration;

namespace BackendAI.Client.Transport;

/// <summary>One request's own walk over an <see cref="EndpointPool"/>, yielding each endpoint at most once.</summary>
/// <remarks>
/// Every call looks at the pool's current state, so failures reported by this or other requests take effect at
/// once. A cursor belongs to one request and is not meant to be shared between threads.
/// </remarks>
internal sealed class EndpointCursor
{
    private readonly EndpointPool pool;
    private readonly PooledEndpoint[] endpoints;
    private readonly bool[] visited;
    private readonly int ticket;
    private readonly bool claimProbes;
    private int roundRobinStart = -1;
    private bool fallbackUsed;

    /// <param name="pool">The pool to walk.</param>
    /// <param name="ticket">The round-robin ticket that decides where this request starts.</param>
    /// <param name="claimProbes">False for a side-effect-free look at what would be chosen.</param>
    internal EndpointCursor(EndpointPool pool, int ticket, bool claimProbes)
    {
        this.pool = pool;
        endpoints = pool.EndpointArray;
        visited = new bool[endpoints.Length];
        this.ticket = ticket;
        this.claimProbes = claimProbes;
    }

    /// <summary>Gets the next endpoint this request should try, or false when there is none left.</summary>
    /// <remarks>
    /// Live endpoints come in the strategy's order; a dead endpoint whose backoff has run out comes with
    /// <see cref="PooledEndpoint.NeedsProbe"/> set (round robin and lowest latency offer it first, failover in its
    /// place after the sticky endpoint); when every endpoint is dead and none is available for probing, the one
    /// due soonest is yielded anyway, once per request.
    /// </remarks>
    internal bool TryNext(out PooledEndpoint endpoint)
    {
        var now = pool.TimeProvider.GetUtcNow();
        var chosen = pool.Strategy switch
        {
            LoadBalancingStrategy.Failover => NextInRing(pool.PreferredIndex, now),
            LoadBalancingStrategy.RoundRobin => NextDue(now) ?? NextRoundRobin(),
            _ => NextDue(now) ?? NextLowestLatency(),
        };

        chosen ??= Fallback();
        if (chosen is null)
        {
            endpoint = null!;
            return false;
        }

        visited[chosen.Index] = true;
        endpoint = chosen;
        return true;
    }

    /// <summary>Walks the ring from <paramref name="start"/>: the first live or claimable endpoint.</summary>
    private PooledEndpoint? NextInRing(int start, DateTimeOffset now)
    {
        for (var step = 0; step < endpoints.Length; step++)
        {
            var candidate = endpoints[(start + step) % endpoints.Length];
            if (visited[candidate.Index])
            {
                continue;
            }

            if (candidate.State.IsAlive || Claim(candidate, now))
            {
                return candidate;
            }
        }

        return null;
    }

    private PooledEndpoint? NextDue(DateTimeOffset now)
    {
        foreach (var candidate in endpoints)
        {
            if (!visited[candidate.Index] && !candidate.State.IsAlive && Claim(candidate, now))
            {
                return candidate;
            }
        }

        return null;
    }

    private PooledEndpoint? NextRoundRobin()
    {
        if (roundRobinStart < 0)
        {
            // The ticket indexes the live endpoints only, so a dead one does not double its neighbour's share.
            var live = Array.FindAll(endpoints, e => e.State.IsAlive);
            if (live.Length == 0)
            {
                return null;
            }

            roundRobinStart = live[(int)((uint)ticket % (uint)live.Length)].Index;
        }

        for (var step = 0; step < endpoints.Length; step++)
        {
            var candidate = endpoints[(roundRobinStart + step) % endpoints.Length];
            if (!visited[candidate.Index] && candidate.State.IsAlive)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The live endpoint with no latency yet (first in order), else the lowest moving average.</summary>
    private PooledEndpoint? NextLowestLatency()
    {
        PooledEndpoint? best = null;
        TimeSpan? bestLatency = null;
        foreach (var candidate in endpoints)
        {
            var state = candidate.State;
            if (visited[candidate.Index] || !state.IsAlive)
            {
                continue;
            }

            if (state.AverageLatency is not { } latency)
            {
                return candidate;
            }

            if (best is null || latency < bestLatency)
            {
                best = candidate;
                bestLatency = latency;
            }
        }

        return best;
    }

    /// <summary>When every endpoint is dead and none can be probed, yields the soonest due, once per request.</summary>
    private PooledEndpoint? Fallback()
    {
        if (fallbackUsed || Array.Exists(endpoints, e => e.State.IsAlive))
        {
            return null;
        }

        PooledEndpoint? soonest = null;
        var soonestDue = DateTimeOffset.MaxValue;
        foreach (var candidate in endpoints)
        {
            var due = candidate.State.DeadUntil ?? DateTimeOffset.MinValue;
            if (!visited[candidate.Index] && (soonest is null || due < soonestDue))
            {
                soonest = candidate;
                soonestDue = due;
            }
        }

        fallbackUsed = true;
        return soonest;
    }

    private bool Claim(PooledEndpoint candidate, DateTimeOffset now) =>
        claimProbes ? pool.TryClaimProbe(candidate, now) : candidate.State.IsClaimable(now);
}
