using System.Collections.ObjectModel;
using BackendAI.Client.Configuration;

namespace BackendAI.Client.Transport;

/// <summary>
/// The health and preference of a configuration's endpoints, shared by every request and client built from it.
/// </summary>
/// <remarks>
/// The pool does no I/O. A request takes its own <see cref="EndpointCursor"/> from <see cref="BeginRequest"/>,
/// sends to the endpoints it yields (probing first when <see cref="PooledEndpoint.NeedsProbe"/> is set) and
/// reports every outcome back. All members are safe to call from many threads; each state change replaces an
/// endpoint's state snapshot atomically.
/// </remarks>
internal sealed class EndpointPool
{
    /// <summary>The weight of the newest latency sample in the moving average.</summary>
    internal const double LatencyWeight = 0.3;

    private readonly PooledEndpoint[] endpoints;
    private readonly Random random;
    private readonly Lock randomLock = new();
    private int preferredIndex;
    private int roundRobinTicket = -1;

    /// <summary>Creates a pool over the endpoints in the given order (shuffling happens before this).</summary>
    /// <param name="endpoints">Absolute http or https URLs, without duplicates; may be empty.</param>
    /// <param name="strategy">How requests choose among live endpoints.</param>
    /// <param name="timeProvider">The clock for backoff; defaults to <see cref="TimeProvider.System"/>.</param>
    /// <param name="random">The source of jitter; defaults to <see cref="Random.Shared"/>.</param>
    /// <param name="backoff">The backoff rule; defaults to <see cref="EndpointBackoff.Default"/>.</param>
    internal EndpointPool(
        IReadOnlyList<Uri> endpoints,
        LoadBalancingStrategy strategy,
        TimeProvider? timeProvider = null,
        Random? random = null,
        EndpointBackoff? backoff = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown load-balancing strategy.");
        }

        TimeProvider = timeProvider ?? TimeProvider.System;
        this.random = random ?? Random.Shared;
        Backoff = backoff ?? EndpointBackoff.Default;
        Strategy = strategy;

        this.endpoints = new PooledEndpoint[endpoints.Count];
        for (var i = 0; i < endpoints.Count; i++)
        {
            var uri = ValidateEndpoint(endpoints, i);
            this.endpoints[i] = new PooledEndpoint(uri, i, TimeProvider);
        }

        Endpoints = new ReadOnlyCollection<PooledEndpoint>(this.endpoints);
    }

    /// <summary>Gets the strategy requests use to choose among live endpoints.</summary>
    internal LoadBalancingStrategy Strategy { get; }

    /// <summary>Gets the endpoints in their configured order.</summary>
    internal IReadOnlyList<PooledEndpoint> Endpoints { get; }

    /// <summary>
    /// Gets the endpoint a request would try first now: for failover the sticky endpoint that every request
    /// starts from; null when the pool is empty.
    /// </summary>
    internal Uri? Preferred
    {
        get
        {
            if (endpoints.Length == 0)
            {
                return null;
            }

            if (Strategy == LoadBalancingStrategy.Failover)
            {
                return endpoints[PreferredIndex].Uri;
            }

            var peek = new EndpointCursor(this, Volatile.Read(ref roundRobinTicket) + 1, claimProbes: false);
            return peek.TryNext(out var first) ? first.Uri : null;
        }
    }

    internal TimeProvider TimeProvider { get; }

    internal EndpointBackoff Backoff { get; }

    /// <summary>Gets the index of the failover strategy's sticky endpoint.</summary>
    internal int PreferredIndex => Volatile.Read(ref preferredIndex);

    internal PooledEndpoint[] EndpointArray => endpoints;

    /// <summary>Starts one request's walk over the pool; each endpoint is yielded to it at most once.</summary>
    internal EndpointCursor BeginRequest()
    {
        var ticket = Strategy == LoadBalancingStrategy.RoundRobin
            ? Interlocked.Increment(ref roundRobinTicket)
            : 0;

        return new EndpointCursor(this, ticket, claimProbes: true);
    }

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
    internal void ReportFailure(PooledEndpoint endpoint)
    {
        RequireMember(endpoint);
        MarkDead(endpoint);
    }

    /// <summary>Records the outcome of the probe sent to an endpoint that needed one.</summary>
    /// <remarks>A failed probe marks the endpoint dead again with a longer backoff.</remarks>
    internal void ReportProbeResult(PooledEndpoint endpoint, bool alive)
    {
        RequireMember(endpoint);
        if (!alive)
        {
            MarkDead(endpoint);
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

    private static Uri ValidateEndpoint(IReadOnlyList<Uri> endpoints, int index)
    {
        var uri = endpoints[index] ?? throw new ArgumentException(
            $"Endpoint {index} is null; every endpoint must be an absolute http or https URL.", nameof(endpoints));

        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException(
                $"Endpoint '{uri.OriginalString}' is not an absolute http or https URL.", nameof(endpoints));
        }

        for (var earlier = 0; earlier < index; earlier++)
        {
            if (endpoints[earlier] == uri)
            {
                throw new ArgumentException($"Endpoint '{uri}' is listed more than once.", nameof(endpoints));
            }
        }

        return uri;
    }

    private void MarkDead(PooledEndpoint endpoint)
    {
        while (true)
        {
            var current = endpoint.State;
            var now = TimeProvider.GetUtcNow();
            if (!current.IsAlive && current.DeadUntil > now)
            {
                return;
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
                break;
            }
        }

        MovePreferenceAwayFrom(endpoint);
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

    private double NextUnitSample()
    {
        // An injected Random need not be thread-safe.
        lock (randomLock)
        {
            return random.NextDouble();
        }
    }

    private void RequireMember(PooledEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Index >= endpoints.Length || !ReferenceEquals(endpoints[endpoint.Index], endpoint))
        {
            throw new ArgumentException(
                $"Endpoint '{endpoint.Uri}' does not belong to this pool.", nameof(endpoint));
        }
    }
}
