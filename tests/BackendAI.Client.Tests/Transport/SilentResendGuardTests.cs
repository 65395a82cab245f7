using BackendAI.Client.Tests.Support;
using BackendAI.Client.Transport;

namespace BackendAI.Client.Tests.Transport;

/// <summary>
/// The HTTP stack resends a request by itself when a pooled keep-alive connection turns out closed before any
/// answer byte; for POST and PATCH that resend must not happen (DESIGN §5).
/// </summary>
/// <remarks>
/// The stack resends only requests whose content it has not begun to write, which is every request without
/// content: a body-less POST is the case that double-runs unless the pipeline gives it (empty) guarded content.
/// </remarks>
public sealed class SilentResendGuardTests
{
    [Theory]
    [InlineData("POST", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", true)]
    public async Task A_pooled_connection_closed_under_a_request_never_carries_it_twice(
        string method, bool withBody)
    {
        await using var server = new ClosingKeepAliveServer();
        using var client = PipelineKit.Client(PipelineKit.Config([server.BaseAddress]));
        using (await client.SendAsync(HttpMethod.Get, "/echo/warm-up"))
        {
        }

        var request = new ApiRequest(new HttpMethod(method), "/session");
        if (withBody)
        {
            request.WithJson(new { name = "s1" });
        }

        var error = await Assert.ThrowsAsync<BackendAIOutcomeUnknownException>(() => client.SendAsync(request));

        var sent = Assert.Single(server.Requests, r => r.Method == method && r.Complete);
        Assert.Equal(1, sent.Connection);
        Assert.Equal(server.BaseAddress, Assert.Single(error.Attempts).Endpoint);
    }

    [Fact]
    public async Task A_GET_on_a_pooled_connection_closed_under_it_may_be_resent_and_is_answered()
    {
        await using var server = new ClosingKeepAliveServer();
        using var client = PipelineKit.Client(PipelineKit.Config([server.BaseAddress]));
        using (await client.SendAsync(HttpMethod.Get, "/echo/warm-up"))
        {
        }

        using var response = await client.SendAsync(HttpMethod.Get, "/folders");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([1, 2], server.Requests.Where(r => r.Target == "/folders").Select(r => r.Connection));
    }
}
