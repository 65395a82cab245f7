using System.Net;
using BackendAI.Client.Tests.Support;
using BackendAI.Client.Transport;
using BackendAI.TestServer;
using BackendAI.TestServer.Faults;

namespace BackendAI.Client.Tests.Transport;

/// <summary>Connect and read timeouts, and the caller's cancellation (issue 3, DESIGN §5).</summary>
public sealed class PipelineTimeoutTests
{
    [Fact]
    public void No_hidden_overall_timeout_sits_in_the_HTTP_stack()
    {
        var unlimited = PipelineKit.Config(
            [new Uri("http://127.0.0.1:1/")], o => o.ConnectionTimeout = TimeSpan.Zero);
        var defaults = PipelineKit.Config([new Uri("http://127.0.0.1:1/")]);

        using var unlimitedClient = PipelineKit.Client(unlimited);
        using var defaultClient = PipelineKit.Client(defaults);

        // An HttpMessageInvoker has no Timeout at all; an HttpClient would bring its 100-second default.
        Assert.IsType<HttpMessageInvoker>(unlimitedClient.Pipeline.Invoker, exactMatch: true);
        var handler = Assert.IsType<SocketsHttpHandler>(unlimitedClient.Pipeline.Handler);
        Assert.Equal(Timeout.InfiniteTimeSpan, handler.ConnectTimeout);
        Assert.False(handler.AllowAutoRedirect);
        Assert.Equal(TimeSpan.Zero, unlimited.ReadTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), Assert.IsType<SocketsHttpHandler>(defaultClient.Pipeline.Handler)
            .ConnectTimeout);
    }

    [Fact]
    public async Task Without_a_read_timeout_an_answer_slower_than_the_connect_timeout_still_arrives()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Faults.Inject(Fault.StallBeforeHeaders(TimeSpan.FromSeconds(1.5)), times: 1);
        using var client = PipelineKit.Client(PipelineKit.Config([server.BaseAddress],
            o => o.ConnectionTimeout = TimeSpan.FromSeconds(0.5)));

        using var response = await client.SendAsync(HttpMethod.Get, "/echo/slow");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, server.Recorder.Count);
    }

    [Fact]
    public async Task A_stall_longer_than_the_read_timeout_is_a_read_timeout_naming_the_endpoint()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Faults.Inject(Fault.StallBeforeHeaders(TimeSpan.FromSeconds(3)));
        using var client = PipelineKit.Client(PipelineKit.Config([server.BaseAddress],
            o => o.ReadTimeout = TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsAsync<BackendAITransportException>(
            () => client.SendAsync(HttpMethod.Get, "/echo/stalled"));

        var attempt = Assert.Single(error.Attempts);
        Assert.Equal((RequestPhase.Read, TransportFailure.ReadTimeout), (attempt.Phase, attempt.Failure));
        Assert.Equal(server.BaseAddress, error.Endpoint);
        Assert.Contains(server.BaseAddress.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("ReadTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_stops_flowing_for_longer_than_the_read_timeout_is_a_read_timeout()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Faults.Inject(Fault.SlowBody(TimeSpan.FromSeconds(3), chunkSize: 4096));
        using var client = PipelineKit.Client(PipelineKit.Config([server.BaseAddress],
            o => o.ReadTimeout = TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsAsync<BackendAITransportException>(
            () => client.SendAsync(HttpMethod.Get, "/echo/trickle"));

        Assert.Equal(TransportFailure.ReadTimeout, error.Failure);
        Assert.Equal(server.BaseAddress, error.Endpoint);
    }

    [Fact]
    public async Task The_read_timeout_bounds_each_gap_of_a_body_not_the_whole_body()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Faults.Inject(Fault.SlowBody(TimeSpan.FromMilliseconds(200), chunkSize: 16));
        using var client = PipelineKit.Client(PipelineKit.Config([server.BaseAddress],
            o => o.ReadTimeout = TimeSpan.FromSeconds(1.5)));

        using var response = await client.SendAsync(HttpMethod.Get, "/echo/" + new string('x', 160));

        // About 16 pieces 200 ms apart: the body takes longer than the read timeout, every gap is shorter.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Body.Length > 16 * 12, $"The body has {response.Body.Length} bytes.");
    }

    [Fact]
    public async Task The_read_timeout_does_not_run_while_a_large_request_body_is_still_being_written()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Faults.Inject(Fault.StallBeforeHeaders(TimeSpan.FromSeconds(2.5)), times: 1);
        using var client = PipelineKit.Client(PipelineKit.Config([server.BaseAddress],
            o => o.ReadTimeout = TimeSpan.FromSeconds(1)));

        // Far more than the socket buffers hold: the upload blocks until the stalled server starts reading.
        var body = new byte[24 << 20];
        var request = new ApiRequest(HttpMethod.Post, "/echo/upload").WithBody(body, "application/octet-stream");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var echo = response.ReadJsonDocument();
        Assert.Equal(body.Length, echo.RootElement.GetProperty("body_length").GetInt32());
    }

    [Fact]
    public async Task Caller_cancellation_is_reported_as_cancellation_and_not_retried_elsewhere()
    {
        await using var servers = await PipelineKit.StartServersAsync(2);
        var (a, b) = (servers[0], servers[1]);
        a.Faults.Inject(Fault.StallBeforeHeaders(TimeSpan.FromMinutes(5)));
        var config = PipelineKit.Config([a.BaseAddress, b.BaseAddress],
            o => o.ReadTimeout = TimeSpan.FromMinutes(1));
        using var client = PipelineKit.Client(config);
        using var cancel = new CancellationTokenSource();

        var call = client.SendAsync(HttpMethod.Get, "/echo/cancelled", cancel.Token);
        await a.WaitForRequestsAsync(1);
        await cancel.CancelAsync();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.IsNotType<TimeoutException>(error.InnerException);
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.Equal(0, b.Recorder.Count);
        Assert.All(config.Pool.Endpoints, e => Assert.True(e.IsAlive));
    }

    [Fact]
    public async Task Cancelling_while_a_streamed_body_is_read_is_reported_with_the_callers_token()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Faults.Inject(Fault.SlowBody(TimeSpan.FromMilliseconds(100), chunkSize: 16));
        using var client = PipelineKit.Client(PipelineKit.Config([server.BaseAddress],
            o => o.ReadTimeout = TimeSpan.FromMinutes(1)));
        using var cancel = new CancellationTokenSource();
        var request = new ApiRequest(HttpMethod.Get, "/echo/" + new string('s', 100)) { StreamResponse = true };

        using var response = await client.SendAsync(request, cancel.Token);
        var buffer = new byte[16];
        var first = await response.Stream.ReadAsync(buffer);
        await cancel.CancelAsync();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => response.Stream.ReadAsync(buffer).AsTask());

        Assert.True(first > 0);
        Assert.Equal(cancel.Token, error.CancellationToken);
    }
}
