using System.Net;
using BackendAI.Client.Tests.Support;
using BackendAI.TestServer;
using BackendAI.TestServer.Faults;

namespace BackendAI.Client.Tests.Transport;

/// <summary>How answers become results or errors: redirects, broken answers, problem documents (issue 3).</summary>
public sealed class PipelineAnswerTests
{
    [Fact]
    public async Task A_redirect_is_an_error_naming_the_location_and_nothing_is_sent_again()
    {
        await using var servers = await PipelineKit.StartServersAsync(2);
        var (a, b) = (servers[0], servers[1]);
        a.Faults.Inject(Fault.Status(301, location: "https://manager.example.test/v2/"));
        using var client = PipelineKit.Client(PipelineKit.Config(a, b));

        var error = await Assert.ThrowsAsync<BackendAIRedirectException>(
            () => client.SendAsync(HttpMethod.Get, "/echo/moved"));

        Assert.Equal(HttpStatusCode.MovedPermanently, error.StatusCode);
        Assert.Equal(new Uri("https://manager.example.test/v2/"), error.Location);
        Assert.Contains("https://manager.example.test/v2/", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, a.Recorder.Count);
        Assert.Equal(0, b.Recorder.Count);
    }

    [Fact]
    public async Task A_relative_redirect_location_is_resolved_against_the_endpoint()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Faults.Inject(Fault.Status(302, location: "/elsewhere"));
        using var client = PipelineKit.Client(PipelineKit.Config(server));

        var error = await Assert.ThrowsAsync<BackendAIRedirectException>(
            () => client.SendAsync(HttpMethod.Get, "/echo/moved"));

        Assert.Equal(new Uri(server.BaseAddress, "/elsewhere"), error.Location);
    }

    [Fact]
    public async Task A_malformed_status_line_is_a_transport_error_that_keeps_its_cause()
    {
        await using var raw = RawResponseServer.Start("HTTP/1.1 2OO Fine\r\nContent-Length: 0\r\n\r\n");
        using var client = PipelineKit.Client(PipelineKit.Config([raw.BaseAddress]));

        var error = await Assert.ThrowsAsync<BackendAITransportException>(
            () => client.SendAsync(HttpMethod.Get, "/echo/broken"));

        var attempt = Assert.Single(error.Attempts);
        Assert.Equal(TransportFailure.InvalidResponse, attempt.Failure);
        Assert.Equal(raw.BaseAddress, attempt.Endpoint);
        var cause = Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(HttpRequestError.InvalidResponse, cause.HttpRequestError);
    }

    [Fact]
    public async Task A_problem_document_is_kept_whole_in_the_api_error()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Faults.Inject(Fault.Status(404,
            body: "{\"type\":\"https://api.backend.ai/probs/session-not-found\",\"title\":\"No such session.\","
                + "\"msg\":\"s1\",\"data\":{\"name\":\"s1\"}}"));
        using var client = PipelineKit.Client(PipelineKit.Config(server));

        var error = await Assert.ThrowsAsync<BackendAIApiException>(
            () => client.SendAsync(HttpMethod.Get, "/session/s1"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(server.BaseAddress, error.Endpoint);
        Assert.Equal("https://api.backend.ai/probs/session-not-found", error.Problem?.Type);
        Assert.Equal(("No such session.", "s1"), (error.Problem?.Title, error.Problem?.Message));
        Assert.Equal("s1", error.Problem?.Data?.GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_error_body_that_is_not_json_is_kept_as_text()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Faults.Inject(Fault.Status(500, body: "Internal Server Error: upstream gone"));
        using var client = PipelineKit.Client(PipelineKit.Config(server));

        var error = await Assert.ThrowsAsync<BackendAIApiException>(
            () => client.SendAsync(HttpMethod.Get, "/echo/broken"));

        Assert.Null(error.Problem);
        Assert.Equal("Internal Server Error: upstream gone", error.RawBody);
        Assert.Contains("upstream gone", error.Message, StringComparison.Ordinal);
    }
}
