using System.Globalization;
using BackendAI.Client.Configuration;
using BackendAI.Client.Tests.Support;
using BackendAI.TestServer;
using BackendAI.TestServer.Faults;
using Microsoft.Extensions.Time.Testing;

namespace BackendAI.Client.Tests.Transport;

/// <summary>
/// Dead endpoints and their return, with the pool's clock injected (issue 4, DESIGN §5). The fake clock starts
/// at the real time so the managers accept the request dates; no jitter, so the first backoff is exactly 1 s.
/// </summary>
public sealed class EndpointRecoveryTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_dead_endpoint_is_left_alone_until_its_backoff_ends_then_probed_and_used_again()
    {
        await using var servers = await PipelineKit.StartServersAsync(2);
        var (a, b) = (servers[0], servers[1]);
        using var logs = new CapturingLoggerProvider();
        var config = Config(a, b, LoadBalancingStrategy.Failover);
        using var client = PipelineKit.Client(config, logs);
        a.Faults.Inject(Fault.Status(503), times: 1);

        using (await client.SendAsync(HttpMethod.Get, "/echo/1"))
        {
        }

        _clock.Advance(TimeSpan.FromMilliseconds(999));
        using (await client.SendAsync(HttpMethod.Get, "/echo/2"))
        {
        }

        Assert.Equal(["/echo/1"], Targets(a));
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMilliseconds(1), config.Pool.Endpoints[0].DeadUntil);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        b.Faults.Inject(Fault.Status(503), times: 1);
        using var third = await client.SendAsync(HttpMethod.Get, "/echo/3");

        Assert.Equal(a.BaseAddress, third.Endpoint);
        Assert.Equal(["/echo/1", "/", "/echo/3"], Targets(a));
        var probe = a.Recorder.Requests[1];
        Assert.Null(probe.Header("Authorization"));
        Assert.Null(probe.Header("X-BackendAI-Version"));
        Assert.True(config.Pool.Endpoints[0].IsAlive);
        Assert.Equal(a.BaseAddress, Assert.Single(logs.WithId(1005))["Endpoint"]);
        Assert.Equal([a.BaseAddress, b.BaseAddress], logs.WithId(1004).Select(e => e["Endpoint"]));
    }

    [Fact]
    public async Task Round_robin_probes_a_due_endpoint_before_using_the_live_ones()
    {
        await using var servers = await PipelineKit.StartServersAsync(2);
        var (a, b) = (servers[0], servers[1]);
        var config = Config(a, b, LoadBalancingStrategy.RoundRobin);
        using var client = PipelineKit.Client(config);
        a.Faults.Inject(Fault.Status(503), times: 1);
        using (await client.SendAsync(HttpMethod.Get, "/echo/1"))
        {
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        using var back = await client.SendAsync(HttpMethod.Get, "/echo/2");

        Assert.Equal(a.BaseAddress, back.Endpoint);
        Assert.Equal(["/echo/1", "/", "/echo/2"], Targets(a));
    }

    [Fact]
    public async Task A_failed_probe_keeps_the_endpoint_out_with_a_doubled_backoff()
    {
        await using var servers = await PipelineKit.StartServersAsync(2);
        var (a, b) = (servers[0], servers[1]);
        var config = Config(a, b, LoadBalancingStrategy.RoundRobin);
        using var client = PipelineKit.Client(config);
        a.Faults.Inject(Fault.Status(503), times: 2);
        using (await client.SendAsync(HttpMethod.Get, "/echo/1"))
        {
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        using var served = await client.SendAsync(HttpMethod.Get, "/echo/2");

        var a1 = config.Pool.Endpoints[0];
        Assert.Equal(b.BaseAddress, served.Endpoint);
        Assert.Equal(["/echo/1", "/"], Targets(a));
        Assert.Equal((false, 2), (a1.IsAlive, a1.ConsecutiveFailures));
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(2), a1.DeadUntil);
    }

    [Fact]
    public async Task When_every_endpoint_is_dead_the_one_due_soonest_is_tried_anyway_without_a_probe()
    {
        await using var servers = await PipelineKit.StartServersAsync(2);
        var (a, b) = (servers[0], servers[1]);
        var config = Config(a, b, LoadBalancingStrategy.Failover);
        using var client = PipelineKit.Client(config);
        a.Faults.Inject(Fault.Status(503), times: 1);
        using (await client.SendAsync(HttpMethod.Get, "/echo/a-fails"))
        {
        }

        _clock.Advance(TimeSpan.FromMilliseconds(100));
        a.Faults.Inject(Fault.Status(503), times: 1);
        b.Faults.Inject(Fault.Status(503), times: 1);
        var error = await Assert.ThrowsAsync<BackendAITransportException>(
            () => client.SendAsync(HttpMethod.Get, "/echo/both-fail"));
        var soonest = config.Pool.Endpoints.MinBy(e => e.DeadUntil)!;
        using var anyway = await client.SendAsync(HttpMethod.Get, "/echo/anyway");

        // A was already dead and not due when B failed, yet it was tried: nothing else was left.
        Assert.Equal([b.BaseAddress, a.BaseAddress], error.Attempts.Select(x => x.Endpoint));
        Assert.Equal(a.BaseAddress, soonest.Uri);
        Assert.Equal(a.BaseAddress, anyway.Endpoint);
        Assert.DoesNotContain(servers.SelectMany(s => s.Recorder.Requests), r => r.RawTarget == "/");
        Assert.True(config.Pool.Endpoints[0].IsAlive);
    }

    [Fact]
    public async Task The_configurations_clock_also_dates_the_requests_so_a_success_revives_at_once()
    {
        await using var server = await TestServerHost.StartAsync();
        var config = PipelineKit.Config([server.BaseAddress], o =>
        {
            o.TimeProvider = _clock;
            o.ShuffleRandom = new EndpointPoolTestKit.FixedRandom(0.5);
        });
        using var client = PipelineKit.Client(config);
        server.Faults.Inject(Fault.Status(503), times: 1);

        await Assert.ThrowsAsync<BackendAITransportException>(
            () => client.SendAsync(HttpMethod.Get, "/echo/down"));
        using var up = await client.SendAsync(HttpMethod.Get, "/echo/up");

        // The clock stands still: the success is not older than the failure, so it counts.
        Assert.True(config.Pool.Endpoints[0].IsAlive);
        var expectedDate = _clock.GetUtcNow().UtcDateTime
            .ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
        Assert.Equal(expectedDate, server.Recorder.Last.Header("X-BackendAI-Date"));
    }

    private ApiConfig Config(TestServerHost a, TestServerHost b, LoadBalancingStrategy strategy) =>
        PipelineKit.Config([a.BaseAddress, b.BaseAddress], o =>
        {
            o.LoadBalancing = strategy;
            o.TimeProvider = _clock;
            o.ShuffleRandom = new EndpointPoolTestKit.FixedRandom(0.5);
        });

    private static List<string> Targets(TestServerHost server) =>
        [.. server.Recorder.Requests.Select(r => r.RawTarget)];
}
