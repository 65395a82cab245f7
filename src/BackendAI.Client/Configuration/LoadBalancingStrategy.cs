namespace BackendAI.Client.Configuration;

/// <summary>How requests are spread over several configured endpoints.</summary>
public enum LoadBalancingStrategy
{
    /// <summary>Stay on the preferred endpoint and move to the next one only when it fails.</summary>
    Failover,

    /// <summary>Take the live endpoints in turn, one request after another.</summary>
    RoundRobin,

    /// <summary>Prefer the live endpoint with the lowest moving-average latency.</summary>
    LowestLatency,
}
