using BackendAI.Client.Configuration;
using BackendAI.Client.Transport;
using Microsoft.Extensions.Time.Testing;

namespace BackendAI.Client.Tests.Transport;

/// <summary>Builds pools over fake endpoints with a fake clock and a jitter source the test controls.</summary>
internal static class EndpointPoolTestKit
{
    internal static readonly Uri A = new("http://a.example:8081/");
    internal static readonly Uri B = new("http://b.example:8081/");
    internal static readonly Uri C = new("http://c.example:8081/");

    internal static EndpointPool Create(
        LoadBalancingStrategy strategy,
        FakeTimeProvider clock,
        Uri[]? endpoints = null,
        double jitterSample = 0.5,
        EndpointBackoff? backoff = null) =>
        new(endpoints ?? [A, B, C], strategy, clock, new FixedRandom(jitterSample), backoff);

    internal static PooledEndpoint Get(this EndpointPool pool, Uri uri) => pool.Endpoints.Single(e => e.Uri == uri);

    internal static Uri NextUri(this EndpointCursor cursor)
    {
        Assert.True(cursor.TryNext(out var endpoint), "The cursor yielded nothing.");
        return endpoint.Uri;
    }

    internal static List<Uri> Drain(this EndpointCursor cursor)
    {
        var yielded = new List<Uri>();
        while (cursor.TryNext(out var endpoint))
        {
            yielded.Add(endpoint.Uri);
        }

        return yielded;
    }

    /// <summary>A jitter source that always returns the same sample; 0.5 means no jitter.</summary>
    internal sealed class FixedRandom(double sample) : Random
    {
        public override double NextDouble() => sample;

        protected override double Sample() => sample;
    }
}
