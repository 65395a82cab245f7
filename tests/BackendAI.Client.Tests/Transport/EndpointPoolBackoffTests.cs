using BackendAI.Client.Configuration;
using BackendAI.Client.Transport;
using Microsoft.Extensions.Time.Testing;
using static BackendAI.Client.Tests.Transport.EndpointPoolTestKit;

namespace BackendAI.Client.Tests.Transport;

public sealed class EndpointPoolBackoffTests
{
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public void A_failure_marks_the_endpoint_dead_for_the_base_delay()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock);
        var a = pool.Get(A);
        var failedAt = clock.GetUtcNow();

        pool.ReportFailure(a);

        Assert.False(a.IsAlive);
        Assert.Equal(1, a.ConsecutiveFailures);
        Assert.Equal(failedAt + TimeSpan.FromSeconds(1), a.DeadUntil);
        Assert.False(a.NeedsProbe);
    }

    [Fact]
    public void Each_failed_probe_doubles_the_dead_time_up_to_the_cap()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock, [A]);
        var a = pool.Get(A);
        var delays = new List<double>();

        pool.ReportFailure(a);
        for (var i = 0; i < 8; i++)
        {
            delays.Add((a.DeadUntil!.Value - clock.GetUtcNow()).TotalSeconds);
            clock.Advance(a.DeadUntil!.Value - clock.GetUtcNow());
            Assert.True(a.NeedsProbe);
            pool.ReportProbeResult(a, alive: false);
        }

        Assert.Equal(new double[] { 1, 2, 4, 8, 16, 32, 60, 60 }, delays);
        Assert.Equal(9, a.ConsecutiveFailures);
    }

    [Theory]
    [InlineData(0.0, 1, 0.8)]
    [InlineData(0.25, 1, 0.9)]
    [InlineData(0.75, 2, 2.2)]
    [InlineData(0.0, 10, 48)]
    [InlineData(0.999999, 10, 72)]
    public void Jitter_spreads_the_delay_by_at_most_twenty_percent(double sample, int failures, double expected)
    {
        var delay = EndpointBackoff.Default.DelayAfter(failures, sample);

        Assert.Equal(expected, delay.TotalSeconds, precision: 3);
    }

    [Fact]
    public void The_jitter_comes_from_the_injected_random_source()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock, jitterSample: 0.0);

        pool.ReportFailure(pool.Get(A));

        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMilliseconds(800), pool.Get(A).DeadUntil);
    }

    [Fact]
    public void A_custom_backoff_sets_the_base_and_the_cap()
    {
        var backoff = new EndpointBackoff
        {
            BaseDelay = TimeSpan.FromMilliseconds(250),
            MaxDelay = TimeSpan.FromSeconds(1),
        };

        Assert.Equal(TimeSpan.FromMilliseconds(250), backoff.DelayAfter(1, 0.5));
        Assert.Equal(TimeSpan.FromMilliseconds(500), backoff.DelayAfter(2, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.DelayAfter(3, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.DelayAfter(int.MaxValue, 0.5));
    }

    [Fact]
    public void A_backoff_rejects_non_positive_delays_and_jitter_outside_zero_to_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EndpointBackoff { BaseDelay = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EndpointBackoff { MaxDelay = TimeSpan.FromSeconds(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EndpointBackoff { ProbeClaimTimeout = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EndpointBackoff { JitterFraction = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EndpointBackoff { JitterFraction = -0.1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EndpointBackoff { JitterFraction = double.NaN });
    }

    [Fact]
    public void Failures_reported_while_the_endpoint_is_already_dead_do_not_stretch_its_backoff()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock);
        var a = pool.Get(A);
        pool.ReportFailure(a);
        var deadUntil = a.DeadUntil;

        clock.Advance(TimeSpan.FromMilliseconds(400));
        pool.ReportFailure(a);
        pool.ReportFailure(a);

        Assert.Equal(1, a.ConsecutiveFailures);
        Assert.Equal(deadUntil, a.DeadUntil);
    }

    [Fact]
    public void A_dead_endpoint_is_skipped_until_its_backoff_runs_out_and_then_comes_with_a_probe()
    {
        var pool = Create(LoadBalancingStrategy.RoundRobin, clock, [A, B]);
        pool.ReportFailure(pool.Get(A));

        clock.Advance(TimeSpan.FromMilliseconds(999));
        var early = pool.BeginRequest();
        Assert.Equal(B, early.NextUri());
        Assert.False(pool.Get(A).NeedsProbe);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(pool.BeginRequest().TryNext(out var due));
        Assert.Equal(A, due.Uri);
        Assert.True(due.NeedsProbe);
    }

    [Fact]
    public void A_successful_probe_revives_the_endpoint_and_clears_its_failures()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock);
        var a = pool.Get(A);
        pool.ReportFailure(a);
        clock.Advance(TimeSpan.FromSeconds(1));

        pool.ReportProbeResult(a, alive: true);

        Assert.True(a.IsAlive);
        Assert.Null(a.DeadUntil);
        Assert.Equal(0, a.ConsecutiveFailures);
        Assert.False(a.NeedsProbe);
    }

    [Fact]
    public void A_failed_probe_lets_the_cursor_continue_with_the_next_endpoint()
    {
        var pool = Create(LoadBalancingStrategy.RoundRobin, clock, [A, B]);
        pool.ReportFailure(pool.Get(A));
        clock.Advance(TimeSpan.FromSeconds(1));
        var cursor = pool.BeginRequest();

        Assert.Equal(A, cursor.NextUri());
        pool.ReportProbeResult(pool.Get(A), alive: false);

        Assert.Equal([B], cursor.Drain());
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(2), pool.Get(A).DeadUntil);
    }

    [Fact]
    public void Only_one_request_at_a_time_is_handed_a_recovering_endpoint_to_probe()
    {
        var pool = Create(LoadBalancingStrategy.RoundRobin, clock, [A, B]);
        pool.ReportFailure(pool.Get(A));
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(A, pool.BeginRequest().NextUri());
        Assert.Equal(B, pool.BeginRequest().NextUri());

        clock.Advance(EndpointBackoff.Default.ProbeClaimTimeout);
        Assert.Equal(A, pool.BeginRequest().NextUri());
    }

    [Fact]
    public void When_every_endpoint_is_dead_the_one_due_soonest_is_tried_once_without_a_probe()
    {
        var pool = Create(LoadBalancingStrategy.RoundRobin, clock);
        pool.ReportFailure(pool.Get(B));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        pool.ReportFailure(pool.Get(A));
        pool.ReportFailure(pool.Get(C));

        var cursor = pool.BeginRequest();
        Assert.True(cursor.TryNext(out var soonest));

        Assert.Equal(B, soonest.Uri);
        Assert.False(soonest.NeedsProbe);
        Assert.False(cursor.TryNext(out _));
    }

    [Fact]
    public void A_request_whose_last_live_endpoint_fails_still_tries_the_dead_one_due_soonest()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock, [A, B]);
        pool.ReportFailure(pool.Get(A));
        var cursor = pool.BeginRequest();

        Assert.Equal(B, cursor.NextUri());
        Assert.False(pool.Get(A).IsAlive);
        pool.ReportFailure(pool.Get(B));

        Assert.Equal([A], cursor.Drain());
    }

    [Fact]
    public void A_single_endpoint_that_fails_is_yielded_once_and_the_request_then_ends()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock, [A]);
        var cursor = pool.BeginRequest();

        Assert.Equal(A, cursor.NextUri());
        pool.ReportFailure(pool.Get(A));

        Assert.False(cursor.TryNext(out _));
        Assert.Equal([A], pool.BeginRequest().Drain());
    }

    [Fact]
    public void A_success_from_a_request_that_began_before_the_failure_does_not_revive_the_endpoint()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock);
        var a = pool.Get(A);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        pool.ReportFailure(a);

        clock.Advance(TimeSpan.FromMilliseconds(50));
        pool.ReportSuccess(a, TimeSpan.FromMilliseconds(80));
        Assert.False(a.IsAlive);
        Assert.Equal(TimeSpan.FromMilliseconds(80), a.AverageLatency);

        pool.ReportSuccess(a, TimeSpan.FromMilliseconds(20));
        Assert.True(a.IsAlive);
        Assert.Equal(0, a.ConsecutiveFailures);
    }
}
