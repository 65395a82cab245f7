using System.Net;
using System.Text;
using BackendAI.Client.Configuration;
using BackendAI.Client.Tests.Support;
using BackendAI.Client.Transport;
using BackendAI.TestServer;
using BackendAI.TestServer.Faults;

namespace BackendAI.Client.Tests.Transport;

/// <summary>Fail-over between endpoints and the requests that must never run twice (issue 4, DESIGN §5).</summary>
public sealed class FailoverTests
{
    [Fact]
    public async Task A_refused_connect_fails_over_once_and_the_next_request_goes_straight_to_the_live_endpoint()
    {
        await using var live = await TestServerHost.StartAsync();
        var refusing = TestServerHost.GetRefusedAddress();
        using var logs = new CapturingLoggerProvider();
        var config = PipelineKit.Config([refusing, live.BaseAddress]);
        using var client = PipelineKit.Client(config, logs);

        using var first = await client.SendAsync(HttpMethod.Get, "/echo/first");
        using var second = await client.SendAsync(HttpMethod.Get, "/echo/second");

        Assert.Equal((live.BaseAddress, live.BaseAddress), (first.Endpoint, second.Endpoint));
        Assert.Equal([refusing, live.BaseAddress], SentTo(logs, "/echo/first"));
        Assert.Equal([live.BaseAddress], SentTo(logs, "/echo/second"));
        var failover = Assert.Single(logs.WithId(1003));
        Assert.Equal((refusing, RequestPhase.Connect, TransportFailure.ConnectionRefused),
            (failover["Endpoint"], failover["Phase"], failover["Failure"]));

        // The live manager verified both signatures against its own Host header: each was signed for it.
        Assert.All(live.Recorder.Requests,
            r => Assert.Equal((200, live.HostHeader), (r.Status, r.Header("Host"))));
        Assert.Equal(2, live.Recorder.Count);
        Assert.Equal(live.BaseAddress, config.Endpoint);
    }

    [Theory]
    [InlineData(LoadBalancingStrategy.Failover, 0)]
    [InlineData(LoadBalancingStrategy.RoundRobin, 0)]
    [InlineData(LoadBalancingStrategy.RoundRobin, 1)]
    [InlineData(LoadBalancingStrategy.RoundRobin, 2)]
    [InlineData(LoadBalancingStrategy.LowestLatency, 0)]
    public async Task Eight_concurrent_requests_over_three_endpoints_with_one_refusing_all_succeed(
        LoadBalancingStrategy strategy, int refusingAt)
    {
        await using var servers = await PipelineKit.StartServersAsync(2);
        List<Uri> endpoints = [servers[0].BaseAddress, servers[1].BaseAddress];
        endpoints.Insert(refusingAt, TestServerHost.GetRefusedAddress());
        var config = PipelineKit.Config(endpoints, o => o.LoadBalancing = strategy);
        using var first = PipelineKit.Client(config);
        using var second = PipelineKit.Client(config);

        // Two clients of one configuration share its pool.
        var calls = Enumerable.Range(0, 8)
            .Select(i => (i % 2 == 0 ? first : second).SendAsync(HttpMethod.Get, $"/echo/concurrent/{i}"))
            .ToList();
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(8, servers.Sum(s => s.Recorder.Requests.Count(r => r.Status == 200)));
        Assert.False(config.Pool.Endpoints[refusingAt].IsAlive);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Theory]
    [InlineData("POST", "stall")]
    [InlineData("POST", "close")]
    [InlineData("PATCH", "stall")]
    [InlineData("PATCH", "close")]
    public async Task A_request_that_may_have_run_is_not_sent_to_the_next_endpoint_and_its_outcome_is_unknown(
        string method, string failure)
    {
        await using var servers = await PipelineKit.StartServersAsync(2);
        var (a, b) = (servers[0], servers[1]);
        a.Faults.Inject(Failure(failure));
        using var logs = new CapturingLoggerProvider();
        var config = PipelineKit.Config([a.BaseAddress, b.BaseAddress],
            o => o.ReadTimeout = TimeSpan.FromSeconds(1));
        using var client = PipelineKit.Client(config, logs);
        var body = "{\"name\":\"s1\",\"image\":\"python:3.12\"}";
        var request = new ApiRequest(new HttpMethod(method), "/session").WithText(body, "application/json");

        var error = await Assert.ThrowsAsync<BackendAIOutcomeUnknownException>(() => client.SendAsync(request));

        Assert.Equal(0, b.Recorder.Count);
        Assert.Equal(body, Encoding.UTF8.GetString(Assert.Single(a.Recorder.Requests).Body));
        var attempt = Assert.Single(error.Attempts);
        Assert.Equal(a.BaseAddress, attempt.Endpoint);
        Assert.Equal(failure == "stall" ? TransportFailure.ReadTimeout : TransportFailure.ConnectionLost,
            attempt.Failure);
        Assert.Contains(a.BaseAddress.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Single(logs.WithId(1012));
    }

    [Theory]
    [InlineData("GET", "stall")]
    [InlineData("GET", "close")]
    [InlineData("PUT", "close")]
    [InlineData("DELETE", "stall")]
    public async Task An_idempotent_request_fails_over_after_a_stall_or_a_closed_connection(
        string method, string failure)
    {
        await using var servers = await PipelineKit.StartServersAsync(2);
        var (a, b) = (servers[0], servers[1]);
        a.Faults.Inject(Failure(failure));
        var config = PipelineKit.Config([a.BaseAddress, b.BaseAddress],
            o => o.ReadTimeout = TimeSpan.FromSeconds(1));
        using var client = PipelineKit.Client(config);

        using var response = await client.SendAsync(new HttpMethod(method), "/folders/f1");

        Assert.Equal(b.BaseAddress, response.Endpoint);
        Assert.Equal(1, a.Recorder.Count);
        Assert.Equal(200, Assert.Single(b.Recorder.Requests).Status);
        Assert.False(config.Pool.Endpoints[0].IsAlive);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task An_unavailable_answer_fails_a_GET_over_but_is_returned_for_a_POST(int status)
    {
        await using var servers = await PipelineKit.StartServersAsync(2);
        var (a, b) = (servers[0], servers[1]);
        a.Faults.Inject(Fault.Status(status, body: "upstream unavailable"));

        // Each call gets a fresh pool, so both start on A.
        using var reader = PipelineKit.Client(PipelineKit.Config(a, b));
        using var read = await reader.SendAsync(HttpMethod.Get, "/session/s1");
        using var writer = PipelineKit.Client(PipelineKit.Config(a, b));
        var error = await Assert.ThrowsAsync<BackendAIApiException>(() => writer.PostJsonAsync("/session"));

        Assert.Equal(b.BaseAddress, read.Endpoint);
        Assert.Equal(((HttpStatusCode)status, a.BaseAddress), (error.StatusCode, error.Endpoint));
        Assert.Equal("upstream unavailable", error.RawBody);
        Assert.Equal(["GET"], b.Recorder.Requests.Select(r => r.Method));
        Assert.Equal(["GET", "POST"], a.Recorder.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_single_refusing_endpoint_is_a_transport_error_listing_its_one_attempt()
    {
        var refusing = TestServerHost.GetRefusedAddress();
        using var client = PipelineKit.Client(PipelineKit.Config([refusing],
            o => o.ConnectionTimeout = TimeSpan.FromMinutes(5)));

        var error = await Assert.ThrowsAsync<BackendAITransportException>(
            () => client.SendAsync(HttpMethod.Get, "/echo/nobody"));

        var attempt = Assert.Single(error.Attempts);
        Assert.IsNotType<BackendAIOutcomeUnknownException>(error);
        Assert.Equal((refusing, RequestPhase.Connect, TransportFailure.ConnectionRefused),
            (attempt.Endpoint, attempt.Phase, attempt.Failure));
        Assert.Contains("failed after 1 attempt:", error.Message, StringComparison.Ordinal);
        Assert.Contains(refusing.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_POST_whose_connection_was_refused_goes_to_the_next_endpoint()
    {
        await using var live = await TestServerHost.StartAsync();
        var refusing = TestServerHost.GetRefusedAddress();
        using var client = PipelineKit.Client(PipelineKit.Config([refusing, live.BaseAddress]));

        using var response = await client.PostJsonAsync("/session");

        Assert.Equal(live.BaseAddress, response.Endpoint);
        Assert.Equal("POST", Assert.Single(live.Recorder.Requests).Method);
    }

    [Fact]
    public async Task A_connect_timeout_fails_even_a_POST_over_to_the_next_endpoint()
    {
        await using var live = await TestServerHost.StartAsync();
        using var silent = new UnansweredListener();
        using var client = PipelineKit.Client(PipelineKit.Config([silent.Address, live.BaseAddress],
            o =>
            {
                o.ConnectionTimeout = TimeSpan.FromSeconds(0.5);
                o.ReadTimeout = TimeSpan.FromSeconds(10);
            }));

        using var response = await client.PostJsonAsync("/session");

        Assert.Equal(live.BaseAddress, response.Endpoint);
        Assert.Equal("POST", Assert.Single(live.Recorder.Requests).Method);
    }

    [Fact]
    public async Task A_connect_timeout_is_reported_as_such()
    {
        using var silent = new UnansweredListener();
        using var client = PipelineKit.Client(PipelineKit.Config([silent.Address],
            o =>
            {
                o.ConnectionTimeout = TimeSpan.FromSeconds(0.5);
                o.ReadTimeout = TimeSpan.FromSeconds(10);
            }));

        var error = await Assert.ThrowsAsync<BackendAITransportException>(() => client.PostJsonAsync("/session"));

        Assert.IsNotType<BackendAIOutcomeUnknownException>(error);
        Assert.Equal((RequestPhase.Connect, TransportFailure.ConnectTimeout), (error.Phase, error.Failure));
    }

    [Fact]
    public async Task When_every_endpoint_fails_one_error_lists_every_attempt_in_order()
    {
        var first = TestServerHost.GetRefusedAddress();
        await using var unavailable = await TestServerHost.StartAsync();
        unavailable.Faults.Inject(Fault.Status(503));
        var third = TestServerHost.GetRefusedAddress();
        using var client = PipelineKit.Client(PipelineKit.Config([first, unavailable.BaseAddress, third]));

        var error = await Assert.ThrowsAsync<BackendAITransportException>(
            () => client.SendAsync(HttpMethod.Get, "/echo/everyone-down"));

        Assert.Equal([first, unavailable.BaseAddress, third], error.Attempts.Select(a => a.Endpoint));
        Assert.Equal(
            [TransportFailure.ConnectionRefused, TransportFailure.Unavailable, TransportFailure.ConnectionRefused],
            error.Attempts.Select(a => a.Failure));
        Assert.Contains("failed after 3 attempts:", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Message.Split('\n').Length - 1);
    }

    private static Fault Failure(string kind) =>
        kind == "stall" ? Fault.StallAfterBody(TimeSpan.FromSeconds(30)) : Fault.ResetAfterBody();

    private static List<Uri?> SentTo(CapturingLoggerProvider logs, string path) =>
        [.. logs.WithId(1001).Where(e => Equals(e["Path"], path)).Select(e => e["Endpoint"] as Uri)];
}
