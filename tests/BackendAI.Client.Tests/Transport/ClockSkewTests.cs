using System.Globalization;
using System.Net;
using System.Text;
using BackendAI.Client.Tests.Support;
using BackendAI.TestServer;
using Microsoft.Extensions.Time.Testing;

namespace BackendAI.Client.Tests.Transport;

/// <summary>The manager's "Date/time sync error": one corrected retry, or a typed error (issue 4).</summary>
public sealed class ClockSkewTests
{
    private const string SkewProblem =
        "{\"type\":\"https://api.backend.ai/probs/invalid-auth-params\","
        + "\"title\":\"Missing or invalid authorization parameters.\",\"msg\":\"Date/time sync error\"}";

    [Fact]
    public async Task A_server_clock_sixteen_minutes_behind_costs_one_corrected_retry_and_later_requests_none()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Clock.Offset = TimeSpan.FromMinutes(-16);
        using var logs = new CapturingLoggerProvider();
        using var client = PipelineKit.Client(PipelineKit.Config(server), logs);

        using var first = await client.SendAsync(HttpMethod.Get, "/echo/first");
        using var second = await client.SendAsync(HttpMethod.Get, "/echo/second");

        Assert.Equal([400, 200], Statuses(server, "/echo/first"));
        Assert.Equal([200], Statuses(server, "/echo/second"));
        Assert.Single(logs.WithId(1006));
        Assert.InRange(client.Pipeline.Clock.Offset, TimeSpan.FromMinutes(-17), TimeSpan.FromMinutes(-15));
    }

    [Fact]
    public async Task A_client_clock_sixteen_minutes_ahead_is_corrected_for_a_POST_too()
    {
        await using var server = await TestServerHost.StartAsync();
        var ahead = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(16));
        using var client = PipelineKit.Client(PipelineKit.Config(server), time: ahead);

        // The rejected request was refused before it ran, so sending it again is not a duplicate.
        using var created = await client.PostJsonAsync("/session");
        using var next = await client.PostJsonAsync("/session/s1");

        Assert.Equal([400, 200], Statuses(server, "/session"));
        Assert.Equal([200], Statuses(server, "/session/s1"));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_skew_answer_without_a_Date_header_is_a_clock_skew_error_showing_the_local_time()
    {
        await using var raw = RawResponseServer.Start(SkewAnswer(date: null));
        var ahead = new FakeTimeProvider(new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero));
        using var client = PipelineKit.Client(PipelineKit.Config([raw.BaseAddress]), time: ahead);

        var error = await Assert.ThrowsAsync<BackendAIClockSkewException>(
            () => client.SendAsync(HttpMethod.Get, "/echo/skewed"));

        Assert.Equal(ahead.GetUtcNow(), error.LocalTime);
        Assert.Null(error.ServerTime);
        Assert.Equal(raw.BaseAddress, error.Endpoint);
        Assert.Contains("2031-05-06T07:08:09", error.Message, StringComparison.Ordinal);
        Assert.Contains("server time: unknown", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, raw.AcceptedConnections);
    }

    [Fact]
    public async Task A_garbled_Date_header_is_ignored_and_no_offset_is_learned()
    {
        await using var raw = RawResponseServer.Start(SkewAnswer(date: "yesterday-ish"));
        using var client = PipelineKit.Client(PipelineKit.Config([raw.BaseAddress]));

        var error = await Assert.ThrowsAsync<BackendAIClockSkewException>(
            () => client.SendAsync(HttpMethod.Get, "/echo/skewed"));

        Assert.Null(error.ServerTime);
        Assert.Equal(TimeSpan.Zero, client.Pipeline.Clock.Offset);
    }

    [Fact]
    public async Task A_second_rejection_after_the_correction_is_a_clock_skew_error_with_both_times()
    {
        var serverTime = new DateTimeOffset(2024, 3, 15, 12, 0, 0, TimeSpan.Zero);
        var date = serverTime.ToString("r", CultureInfo.InvariantCulture);
        await using var raw = RawResponseServer.Start(SkewAnswer(date));
        var local = new FakeTimeProvider(serverTime + TimeSpan.FromMinutes(16));
        using var client = PipelineKit.Client(PipelineKit.Config([raw.BaseAddress]), time: local);

        var error = await Assert.ThrowsAsync<BackendAIClockSkewException>(
            () => client.SendAsync(HttpMethod.Get, "/echo/skewed"));

        Assert.Equal((local.GetUtcNow(), serverTime), (error.LocalTime, error.ServerTime));
        Assert.Contains("2024-03-15T12:16:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("2024-03-15T12:00:00", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, raw.AcceptedConnections);
    }

    [Fact]
    public async Task A_skew_rejection_is_not_taken_to_another_endpoint()
    {
        await using var raw = RawResponseServer.Start(SkewAnswer(date: null));
        await using var other = await TestServerHost.StartAsync();
        using var client = PipelineKit.Client(PipelineKit.Config([raw.BaseAddress, other.BaseAddress]));

        await Assert.ThrowsAsync<BackendAIClockSkewException>(
            () => client.SendAsync(HttpMethod.Get, "/echo/skewed"));

        Assert.Equal(0, other.Recorder.Count);
    }

    private static List<int?> Statuses(TestServerHost server, string target) =>
        [.. server.Recorder.Requests.Where(r => r.RawTarget == target).Select(r => r.Status)];

    private static string SkewAnswer(string? date)
    {
        var head = new StringBuilder("HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n");
        if (date is not null)
        {
            head.Append("Date: ").Append(date).Append("\r\n");
        }

        var length = Encoding.UTF8.GetByteCount(SkewProblem);
        return head.Append(CultureInfo.InvariantCulture, $"Content-Length: {length}")
            .Append("\r\nConnection: close\r\n\r\n").Append(SkewProblem).ToString();
    }
}
