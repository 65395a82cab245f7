using BackendAI.Client.Configuration;

namespace BackendAI.Client.Transport;

/// <summary>
/// The endpoints of one configuration and which of them is preferred. This minimal form names the first
/// endpoint as preferred and tracks no health; the fail-over pool replaces it.
/// </summary>
internal sealed class EndpointPool
{
    private readonly IReadOnlyList<Uri> _endpoints;

    internal EndpointPool(
        IReadOnlyList<Uri> endpoints,
        LoadBalancingStrategy strategy,
        TimeProvider? timeProvider = null,
        Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        _endpoints = endpoints;
        _ = strategy;
        _ = timeProvider;
        _ = random;
    }

    internal Uri? Preferred => _endpoints.Count > 0 ? _endpoints[0] : null;
}
