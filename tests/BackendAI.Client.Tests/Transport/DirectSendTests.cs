using System.Net;
using BackendAI.Client.Tests.Support;
using BackendAI.TestServer;
using BackendAI.TestServer.Faults;

namespace BackendAI.Client.Tests.Transport;

/// <summary>Requests outside the pool (storage proxies): same timeouts and cancellation, no fail-over.</summary>
public sealed class DirectSendTests
{
    [Fact]
    public async Task A_direct_request_is_sent_unsigned_with_the_user_agent()
    {
        await using var proxy = await StartProxyAsync();
        using var client = PipelineKit.Client(
            PipelineKit.Config([proxy.BaseAddress], o => o.UserAgent = "ua/1"));

        using var response = await client.Pipeline.SendDirectAsync(
            HttpMethod.Get, new Uri(proxy.BaseAddress, "/download?token=t1"), null, null, CancellationToken.None);

        var recorded = Assert.Single(proxy.Recorder.Requests);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("/download?token=t1", "ua/1"), (recorded.RawTarget, recorded.Header("User-Agent")));
        Assert.Null(recorded.Header("Authorization"));
    }

    [Fact]
    public async Task A_refused_direct_request_is_a_connect_phase_error_without_the_ticket_in_its_url()
    {
        var refusing = TestServerHost.GetRefusedAddress();
        using var client = PipelineKit.Client(PipelineKit.Config([refusing]));

        var ticketUrl = new Uri(refusing, "/download?token=eyJ-ticket-secret");
        var error = await Assert.ThrowsAsync<BackendAITransportException>(() => client.Pipeline.SendDirectAsync(
            HttpMethod.Get, ticketUrl, null, null, CancellationToken.None));

        // The query holds the transfer ticket, a credential: it stays out of the error.
        Assert.Equal((RequestPhase.Connect, TransportFailure.ConnectionRefused), (error.Phase, error.Failure));
        Assert.Equal(new Uri(refusing, "/download"), error.Endpoint);
        Assert.DoesNotContain("eyJ-ticket-secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stalled_direct_request_times_out_and_a_cancelled_one_carries_the_callers_token()
    {
        await using var proxy = await StartProxyAsync();
        proxy.Faults.Inject(Fault.StallBeforeHeaders(TimeSpan.FromMinutes(5)));
        using var timed = PipelineKit.Client(PipelineKit.Config([proxy.BaseAddress],
            o => o.ReadTimeout = TimeSpan.FromSeconds(1)));
        using var patient = PipelineKit.Client(PipelineKit.Config([proxy.BaseAddress]));
        using var cancel = new CancellationTokenSource();
        var url = new Uri(proxy.BaseAddress, "/download");

        var timeout = await Assert.ThrowsAsync<BackendAITransportException>(
            () => timed.Pipeline.SendDirectAsync(HttpMethod.Get, url, null, null, CancellationToken.None));
        var call = patient.Pipeline.SendDirectAsync(HttpMethod.Get, url, null, null, cancel.Token);
        await proxy.WaitForRequestsAsync(2);
        await cancel.CancelAsync();
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(TransportFailure.ReadTimeout, timeout.Failure);
        Assert.Equal(cancel.Token, cancelled.CancellationToken);
    }

    private static Task<TestServerHost> StartProxyAsync() =>
        TestServerHost.StartAsync(new TestServerOptions { SkipVerification = _ => true });
}
