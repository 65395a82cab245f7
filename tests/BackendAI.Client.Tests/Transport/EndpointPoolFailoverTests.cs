using BackendAI.Client.Configuration;
using Microsoft.Extensions.Time.Testing;
using static BackendAI.Client.Tests.Transport.EndpointPoolTestKit;

namespace BackendAI.Client.Tests.Transport;

public sealed class EndpointPoolFailoverTests
{
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public void Every_request_starts_on_the_first_endpoint_and_walks_the_rest_in_order()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock);

        Assert.Equal(A, pool.Preferred);
        Assert.Equal([A, B, C], pool.BeginRequest().Drain());
        Assert.Equal([A, B, C], pool.BeginRequest().Drain());
    }

    [Fact]
    public void A_failed_first_endpoint_hands_the_request_to_the_next_and_later_requests_go_straight_there()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock, [A, B]);

        var first = pool.BeginRequest();
        Assert.Equal(A, first.NextUri());
        pool.ReportFailure(pool.Get(A));
        Assert.Equal(B, first.NextUri());
        pool.ReportSuccess(pool.Get(B), TimeSpan.FromMilliseconds(5));

        Assert.Equal(B, pool.Preferred);
        Assert.Equal([B], pool.BeginRequest().Drain());
    }

    [Fact]
    public void Requests_already_under_way_agree_on_the_new_preferred_endpoint()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock);
        var failing = pool.BeginRequest();
        var waiting = pool.BeginRequest();

        Assert.Equal(A, failing.NextUri());
        pool.ReportFailure(pool.Get(A));

        Assert.Equal(B, waiting.NextUri());
        Assert.Equal(B, failing.NextUri());
    }

    [Fact]
    public void A_failure_of_an_endpoint_that_is_not_preferred_leaves_the_preference_alone()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock);

        pool.ReportFailure(pool.Get(C));

        Assert.Equal(A, pool.Preferred);
        Assert.Equal([A, B], pool.BeginRequest().Drain());
    }

    [Fact]
    public void The_preference_skips_dead_endpoints_and_moves_to_the_next_live_one()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock);

        pool.ReportFailure(pool.Get(B));
        pool.ReportFailure(pool.Get(A));

        Assert.Equal(C, pool.Preferred);
    }

    [Fact]
    public void The_preference_stays_on_the_new_endpoint_after_the_old_one_recovers_and_the_old_one_is_probed_last()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock);
        pool.ReportFailure(pool.Get(A));

        clock.Advance(TimeSpan.FromSeconds(5));
        var cursor = pool.BeginRequest();

        Assert.Equal(B, pool.Preferred);
        Assert.Equal(B, cursor.NextUri());
        Assert.Equal(C, cursor.NextUri());
        Assert.True(cursor.TryNext(out var recovering));
        Assert.Equal(A, recovering.Uri);
        Assert.True(recovering.NeedsProbe);
    }

    [Fact]
    public void When_every_endpoint_is_dead_the_preference_is_the_one_due_soonest()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock, [A, B]);
        pool.ReportFailure(pool.Get(B));
        clock.Advance(TimeSpan.FromMilliseconds(500));

        pool.ReportFailure(pool.Get(A));

        Assert.Equal(B, pool.Preferred);
    }

    [Fact]
    public void A_failed_probe_moves_the_request_and_the_preference_on_to_the_next_recovering_endpoint()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock, [A, B]);
        pool.ReportFailure(pool.Get(A));
        pool.ReportFailure(pool.Get(B));
        Assert.Equal(A, pool.Preferred);
        clock.Advance(TimeSpan.FromSeconds(1));

        var cursor = pool.BeginRequest();
        Assert.Equal(A, cursor.NextUri());
        pool.ReportProbeResult(pool.Get(A), alive: false);
        Assert.True(cursor.TryNext(out var second));
        Assert.Equal(B, second.Uri);
        Assert.True(second.NeedsProbe);
        pool.ReportProbeResult(second, alive: true);

        Assert.Equal(B, pool.Preferred);
        Assert.Equal(B, pool.BeginRequest().NextUri());
    }

    [Fact]
    public void An_endpoint_that_recovers_while_the_preferred_one_is_dead_becomes_preferred()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock);
        pool.ReportFailure(pool.Get(A));
        pool.ReportFailure(pool.Get(B));
        pool.ReportFailure(pool.Get(C));
        Assert.Equal(A, pool.Preferred);

        pool.ReportProbeResult(pool.Get(C), alive: true);
        Assert.Equal(C, pool.Preferred);

        clock.Advance(TimeSpan.FromMilliseconds(10));
        pool.ReportSuccess(pool.Get(B), TimeSpan.FromMilliseconds(5));
        Assert.True(pool.Get(B).IsAlive);
        Assert.Equal(C, pool.Preferred);
    }
}
