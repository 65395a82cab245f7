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
internal sealed partial class EndpointPool
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
