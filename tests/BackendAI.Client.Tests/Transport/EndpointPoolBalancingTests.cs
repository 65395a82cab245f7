using BackendAI.Client.Configuration;
using Microsoft.Extensions.Time.Testing;
using static BackendAI.Client.Tests.Transport.EndpointPoolTestKit;

namespace BackendAI.Client.Tests.Transport;

public sealed class EndpointPoolBalancingTests
{
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public void Round_robin_starts_each_request_on_the_next_endpoint_and_continues_around_the_ring()
    {
        var pool = Create(LoadBalancingStrategy.RoundRobin, clock);

        Assert.Equal([A, B, C], pool.BeginRequest().Drain());
        Assert.Equal([B, C, A], pool.BeginRequest().Drain());
        Assert.Equal([C, A, B], pool.BeginRequest().Drain());
        Assert.Equal(A, pool.BeginRequest().NextUri());
    }

    [Fact]
    public void Round_robin_shares_requests_evenly_among_live_endpoints_when_one_is_dead()
    {
        var pool = Create(LoadBalancingStrategy.RoundRobin, clock);
        pool.ReportFailure(pool.Get(B));

        var firsts = Enumerable.Range(0, 6).Select(_ => pool.BeginRequest().NextUri()).ToList();

        Assert.Equal([A, C, A, C, A, C], firsts);
    }

    [Fact]
    public void Round_robin_preferred_endpoint_is_where_the_next_request_will_start()
    {
        var pool = Create(LoadBalancingStrategy.RoundRobin, clock);

        Assert.Equal(A, pool.Preferred);
        pool.BeginRequest();
        Assert.Equal(B, pool.Preferred);
    }

    [Fact]
    public void Lowest_latency_tries_untried_endpoints_first_in_their_configured_order()
    {
        var pool = Create(LoadBalancingStrategy.LowestLatency, clock);

        Assert.Equal(A, pool.BeginRequest().NextUri());
        pool.ReportSuccess(pool.Get(A), TimeSpan.FromMilliseconds(10));
        Assert.Equal(B, pool.BeginRequest().NextUri());
        pool.ReportSuccess(pool.Get(B), TimeSpan.FromMilliseconds(30));
        Assert.Equal(C, pool.BeginRequest().NextUri());
        pool.ReportSuccess(pool.Get(C), TimeSpan.FromMilliseconds(20));

        Assert.Equal([A, C, B], pool.BeginRequest().Drain());
        Assert.Equal(A, pool.Preferred);
    }

    [Fact]
    public void Lowest_latency_keeps_an_exponentially_weighted_moving_average()
    {
        var pool = Create(LoadBalancingStrategy.LowestLatency, clock);
        var a = pool.Get(A);

        pool.ReportSuccess(a, TimeSpan.FromMilliseconds(100));
        Assert.Equal(TimeSpan.FromMilliseconds(100), a.AverageLatency);
        pool.ReportSuccess(a, TimeSpan.FromMilliseconds(200));
        Assert.Equal(TimeSpan.FromMilliseconds(130), a.AverageLatency);
        pool.ReportSuccess(a, TimeSpan.FromMilliseconds(30));
        Assert.Equal(TimeSpan.FromMilliseconds(100), a.AverageLatency);
    }

    [Fact]
    public void Lowest_latency_moves_away_from_an_endpoint_whose_average_grows()
    {
        var pool = Create(LoadBalancingStrategy.LowestLatency, clock, [A, B]);
        pool.ReportSuccess(pool.Get(A), TimeSpan.FromMilliseconds(10));
        pool.ReportSuccess(pool.Get(B), TimeSpan.FromMilliseconds(20));
        Assert.Equal(A, pool.BeginRequest().NextUri());

        pool.ReportSuccess(pool.Get(A), TimeSpan.FromMilliseconds(100));

        Assert.Equal(B, pool.BeginRequest().NextUri());
    }

    [Fact]
    public void Lowest_latency_skips_a_dead_endpoint_however_fast_it_was()
    {
        var pool = Create(LoadBalancingStrategy.LowestLatency, clock, [A, B]);
        pool.ReportSuccess(pool.Get(A), TimeSpan.FromMilliseconds(1));
        pool.ReportSuccess(pool.Get(B), TimeSpan.FromMilliseconds(50));

        pool.ReportFailure(pool.Get(A));

        Assert.Equal([B], pool.BeginRequest().Drain());
    }

    [Theory]
    [InlineData(LoadBalancingStrategy.RoundRobin)]
    [InlineData(LoadBalancingStrategy.LowestLatency)]
    public void A_recovering_endpoint_is_offered_first_for_probing_so_it_can_rejoin(LoadBalancingStrategy strategy)
    {
        var pool = Create(strategy, clock);
        pool.ReportSuccess(pool.Get(A), TimeSpan.FromMilliseconds(1));
        pool.ReportFailure(pool.Get(C));
        clock.Advance(TimeSpan.FromSeconds(1));

        var cursor = pool.BeginRequest();
        Assert.True(cursor.TryNext(out var first));

        Assert.Equal(C, first.Uri);
        Assert.True(first.NeedsProbe);
    }
}
