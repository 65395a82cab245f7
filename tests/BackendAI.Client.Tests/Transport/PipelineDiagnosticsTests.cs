using System.Collections.Concurrent;
using System.Diagnostics;
using BackendAI.Client.Authentication;
using BackendAI.Client.Configuration;
using BackendAI.Client.Diagnostics;
using BackendAI.Client.Tests.Support;
using BackendAI.TestServer;
using BackendAI.TestServer.Faults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BackendAI.Client.Tests.Transport;

/// <summary>Log events, trace spans, and the secrets that never appear in either (issues 3 and 4).</summary>
public sealed class PipelineDiagnosticsTests
{
    [Fact]
    public async Task Fail_over_dead_alive_skew_and_outcome_unknown_are_logged_with_their_event_ids()
    {
        await using var servers = await PipelineKit.StartServersAsync(2);
        var (a, b) = (servers[0], servers[1]);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var logs = new CapturingLoggerProvider();
        var config = PipelineKit.Config([a.BaseAddress, b.BaseAddress], o => o.TimeProvider = clock);
        using var client = PipelineKit.Client(config, logs);

        // A fails and B answers; B becomes the preferred endpoint.
        a.Faults.Inject(Fault.Status(503), times: 1);
        using (await client.SendAsync(HttpMethod.Get, "/echo/fail-over"))
        {
        }

        // Later, a POST dies on B: outcome unknown, B dead, and A (now due) is preferred again.
        clock.Advance(TimeSpan.FromMinutes(2));
        b.Faults.Inject(Fault.ResetAfterBody(), times: 1);
        await Assert.ThrowsAsync<BackendAIOutcomeUnknownException>(() => client.PostJsonAsync("/session"));

        // A is probed and comes back.
        using (await client.SendAsync(HttpMethod.Get, "/echo/back-to-a"))
        {
        }

        // A fails again; B, dead but the only one left, is tried anyway and its skewed clock is corrected.
        b.Clock.Offset = TimeSpan.FromMinutes(-16);
        a.Faults.Inject(Fault.Status(503), times: 1);
        using (await client.SendAsync(HttpMethod.Get, "/echo/skewed"))
        {
        }

        Assert.Equal([(1003, LogLevel.Warning, a.BaseAddress), (1003, LogLevel.Warning, a.BaseAddress)],
            Events(logs, 1003));
        Assert.Equal((1005, LogLevel.Information, a.BaseAddress), Assert.Single(Events(logs, 1005)));
        Assert.Equal((1006, LogLevel.Warning, b.BaseAddress), Assert.Single(Events(logs, 1006)));
        Assert.Equal((1012, LogLevel.Warning, b.BaseAddress), Assert.Single(Events(logs, 1012)));
        Assert.Contains((1004, LogLevel.Warning, a.BaseAddress), Events(logs, 1004));
        Assert.Contains((1004, LogLevel.Warning, b.BaseAddress), Events(logs, 1004));
        Assert.All(logs.WithId(1001).Concat(logs.WithId(1002)), e => Assert.Equal(LogLevel.Debug, e.Level));
    }

    [Fact]
    public async Task No_log_line_or_error_carries_the_secret_key_or_the_Authorization_value()
    {
        await using var servers = await PipelineKit.StartServersAsync(2);
        var (a, b) = (servers[0], servers[1]);
        var refusing = TestServerHost.GetRefusedAddress();
        using var logs = new CapturingLoggerProvider();
        var config = PipelineKit.Config([refusing, a.BaseAddress, b.BaseAddress], o =>
        {
            o.ReadTimeout = TimeSpan.FromSeconds(1);
            o.AnnouncementHandler = _ => { };
        });

        a.Faults.Inject(Fault.Status(500, body: "upstream failed"), times: 1, pathPrefix: "/manager");
        using var client = await BackendAIClient.OpenAsync(config, new BackendAIClientOptions
        {
            LoggerFactory = logs.Factory,
        });
        var errors = new List<Exception>();

        a.Faults.Inject(Fault.Status(503), times: 1);
        using (await client.SendAsync(HttpMethod.Get, "/echo/fail-over"))
        {
        }

        b.Clock.Offset = TimeSpan.FromMinutes(-16);
        using (await client.SendAsync(HttpMethod.Get, "/echo/skewed"))
        {
        }

        // B is the preferred endpoint now and alive: the API error comes from it, then the POST dies there.
        b.Faults.Inject(Fault.Status(401, body: "{\"title\":\"Signature mismatch.\"}"), times: 1);
        errors.Add(await Assert.ThrowsAsync<BackendAIApiException>(() => client.SendAsync(HttpMethod.Get, "/x")));
        b.Faults.Inject(Fault.StallAfterBody(TimeSpan.FromSeconds(30)), times: 1);
        errors.Add(await Assert.ThrowsAsync<BackendAIOutcomeUnknownException>(() => client.PostJsonAsync("/session")));
        using var lonely = PipelineKit.Client(PipelineKit.Config([refusing]), logs);
        errors.Add(await Assert.ThrowsAsync<BackendAITransportException>(
            () => lonely.SendAsync(HttpMethod.Get, "/")));

        var secrets = servers.SelectMany(s => s.Recorder.Requests)
            .Select(r => r.Header("Authorization"))
            .OfType<string>()
            .SelectMany(value => new[] { value, value[(value.LastIndexOf(':') + 1)..] })
            .Append(TestKeypairs.DefaultSecretKey)
            .Distinct()
            .ToList();
        Assert.True(secrets.Count > 4, "The scenario sent too few signed requests to be a check.");
        AssertNothingLeaks(logs, errors, secrets);
    }

    [Fact]
    public async Task No_log_line_or_error_carries_the_login_cookie()
    {
        await using var server = await TestServerHost.StartAsync(
            new TestServerOptions { SkipVerification = _ => true });
        var refusing = TestServerHost.GetRefusedAddress();
        using var sandbox = new Authentication.LoginStoreSandbox();
        var store = sandbox.NewStore();
        var config = PipelineKit.Config([refusing, server.BaseAddress], o =>
        {
            o.EndpointType = EndpointType.Session;
            o.AccessKey = "";
            o.SecretKey = "";
        });

        const string cookie = "cookie-value-that-must-stay-private-4711";
        store.Save(config.Endpoints, new StoredLogin("AIOHTTP_SESSION", cookie, "sid-private-0815", "alice",
            DateTimeOffset.UtcNow));
        using var logs = new CapturingLoggerProvider();
        using var client = new BackendAIClient(config, new BackendAIClientOptions
        {
            LoggerFactory = logs.Factory,
            LoginStore = store,
        });
        var errors = new List<Exception>();

        using (await client.SendAsync(HttpMethod.Get, "/folders"))
        {
        }

        server.Faults.Inject(Fault.Status(403, body: "forbidden"), times: 1);
        errors.Add(await Assert.ThrowsAsync<BackendAIApiException>(() => client.SendAsync(HttpMethod.Get, "/x")));
        server.Faults.Inject(Fault.ResetAfterBody(), times: 1);
        errors.Add(await Assert.ThrowsAsync<BackendAIOutcomeUnknownException>(() => client.PostJsonAsync("/session")));

        Assert.All(server.Recorder.Requests,
            r => Assert.Contains(cookie, r.Header("Cookie"), StringComparison.Ordinal));
        AssertNothingLeaks(logs, errors, [cookie, "sid-private-0815"]);
    }

    [Fact]
    public async Task A_call_span_holds_one_attempt_span_per_endpoint_tried()
    {
        await using var live = await TestServerHost.StartAsync();
        var refusing = TestServerHost.GetRefusedAddress();
        var path = "/echo/trace-" + Guid.NewGuid().ToString("N");
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Telemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var client = PipelineKit.Client(PipelineKit.Config([refusing, live.BaseAddress]));

        using (await client.SendAsync(HttpMethod.Get, path))
        {
        }

        var call = Assert.Single(stopped, a => (string?)a.GetTagItem("url.path") == path);
        var attempts = stopped.Where(a => a.ParentSpanId == call.SpanId && a.TraceId == call.TraceId).ToList();
        Assert.Equal("BackendAI GET", call.DisplayName);
        Assert.Equal(live.BaseAddress.Authority, call.GetTagItem("server.address"));
        Assert.Equal([refusing.Authority, live.BaseAddress.Authority],
            attempts.Select(a => a.GetTagItem("server.address")));
        Assert.Equal([ActivityStatusCode.Error, ActivityStatusCode.Unset], attempts.Select(a => a.Status));

        var authorization = live.Recorder.Last.Header("Authorization")!;
        Assert.All(attempts.Append(call).SelectMany(a => a.Tags), tag =>
        {
            Assert.DoesNotContain(authorization, tag.Value ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(TestKeypairs.DefaultSecretKey, tag.Value ?? "", StringComparison.Ordinal);
        });
    }

    private static List<(int, LogLevel, Uri?)> Events(CapturingLoggerProvider logs, int id) =>
        [.. logs.WithId(id).Select(e => (e.EventId.Id, e.Level, e["Endpoint"] as Uri))];

    private static void AssertNothingLeaks(
        CapturingLoggerProvider logs, IEnumerable<Exception> errors, IReadOnlyList<string> secrets)
    {
        var texts = logs.Entries
            .SelectMany(e => new[] { e.Message, e.Exception?.ToString() ?? "" }
                .Concat(e.Properties.Values.Select(v => v?.ToString() ?? "")))
            .Concat(errors.Select(e => e.ToString()))
            .ToList();
        Assert.NotEmpty(logs.WithId(1003));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, text => text.Contains(secret, StringComparison.Ordinal));
        }
    }
}
