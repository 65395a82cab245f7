using System.Net;
using BackendAI.Client.Tests.Support;
using BackendAI.TestServer;
using BackendAI.TestServer.Faults;

namespace BackendAI.Client.Tests.Transport;

/// <summary>Opening a client: version negotiation and the announcement (issue 3, DESIGN §4).</summary>
public sealed class ClientOpeningTests
{
    private const string ServerVersion = "v8.20240315";

    [Theory]
    [InlineData("v9.20250101", ServerVersion)]
    [InlineData("v7.20230615", "v7.20230615")]
    [InlineData(ServerVersion, ServerVersion)]
    public async Task Opening_negotiates_the_lower_of_the_server_and_client_versions(
        string configured, string chosen)
    {
        await using var server = await TestServerHost.StartAsync();
        var config = PipelineKit.Config([server.BaseAddress], o => o.Version = configured);

        using var client = await BackendAIClient.OpenAsync(config);
        using var response = await client.SendAsync(HttpMethod.Get, "/echo/after-opening");

        Assert.Equal(chosen, client.ApiVersion);
        Assert.Equal((ServerVersion, "24.03.9"), (client.Server?.Version, client.Server?.Manager));
        Assert.Equal(chosen, server.Recorder.Last.Header("X-BackendAI-Version"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_version_probe_is_sent_unsigned_and_without_a_version_header()
    {
        await using var server = await TestServerHost.StartAsync();

        using var client = await BackendAIClient.OpenAsync(PipelineKit.Config(server));

        var probe = server.Recorder.Requests[0];
        Assert.Equal(("GET", "/"), (probe.Method, probe.RawTarget));
        Assert.Null(probe.Header("X-BackendAI-Version"));
        Assert.Null(probe.Header("Authorization"));
        Assert.Equal(200, probe.Status);
    }

    [Fact]
    public async Task A_server_newer_than_the_client_is_warned_about_and_the_client_version_kept()
    {
        await using var server = await TestServerHost.StartAsync();
        using var logs = new CapturingLoggerProvider();
        var config = PipelineKit.Config([server.BaseAddress], o => o.Version = "v7.20230615");

        using var client = PipelineKit.Client(config, logs);
        await client.OpenAsync();

        Assert.Equal("v7.20230615", client.ApiVersion);
        Assert.Single(logs.WithId(1008));
        Assert.Contains(ServerVersion, logs.WithId(1007).Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_older_than_supported_is_warned_about_and_its_version_used()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Faults.Inject(Fault.Status(200, body: "{\"version\":\"v6.20220615\",\"manager\":\"22.06\"}"),
            times: 1, pathPrefix: "/");
        using var logs = new CapturingLoggerProvider();

        using var client = PipelineKit.Client(PipelineKit.Config(server), logs);
        await client.OpenAsync();
        using var response = await client.SendAsync(HttpMethod.Get, "/echo/old");

        Assert.Equal("v6.20220615", client.ApiVersion);
        Assert.Single(logs.WithId(1009));
        Assert.Equal("v6.20220615", server.Recorder.Last.Header("X-BackendAI-Version"));
    }

    [Theory]
    [InlineData("{\"manager\":\"24.03.9\"}")]
    [InlineData("{\"version\":null}")]
    [InlineData("{\"version\":\"eight\"}")]
    [InlineData("[\"v8.20240315\"]")]
    [InlineData("Backend.AI manager")]
    public async Task A_probe_answer_without_a_usable_version_keeps_the_configured_version(string answer)
    {
        await using var server = await TestServerHost.StartAsync();
        server.Faults.Inject(Fault.Status(200, body: answer), times: 1, pathPrefix: "/");
        using var logs = new CapturingLoggerProvider();
        var config = PipelineKit.Config([server.BaseAddress], o => o.Version = "v7.20230615");

        using var client = PipelineKit.Client(config, logs);
        await client.OpenAsync();

        Assert.Equal("v7.20230615", client.ApiVersion);
        Assert.Single(logs.WithId(1010));
    }

    [Fact]
    public async Task The_version_probe_fails_over_and_the_version_comes_from_the_live_endpoint()
    {
        await using var live = await TestServerHost.StartAsync();
        var refusing = TestServerHost.GetRefusedAddress();
        var config = PipelineKit.Config([refusing, live.BaseAddress], o => o.Version = "v9.20250101");

        using var client = await BackendAIClient.OpenAsync(config);

        Assert.Equal(ServerVersion, client.ApiVersion);
        Assert.Equal(ServerVersion, client.Server?.Version);
        Assert.Equal("/", Assert.Single(live.Recorder.Requests).RawTarget);
        Assert.Equal(live.BaseAddress, config.Endpoint);
    }

    [Fact]
    public async Task An_enabled_announcement_reaches_the_handler_once_with_its_text()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Announcement.Set(true, "maintenance at 10:00");
        var received = new List<string>();
        var config = PipelineKit.Config([server.BaseAddress], o => o.AnnouncementHandler = received.Add);

        using var client = await BackendAIClient.OpenAsync(config);

        Assert.Equal(["maintenance at 10:00"], received);
    }

    [Fact]
    public async Task A_disabled_announcement_does_not_call_the_handler()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Announcement.Set(false, "old news");
        var received = new List<string>();
        var config = PipelineKit.Config([server.BaseAddress], o => o.AnnouncementHandler = received.Add);

        using var client = await BackendAIClient.OpenAsync(config);

        Assert.Empty(received);
        Assert.Contains(server.Recorder.Requests, r => r.RawTarget == "/manager/announcement");
    }

    [Theory]
    [InlineData("404")]
    [InlineData("500")]
    [InlineData("reset")]
    [InlineData("not json")]
    public async Task A_failing_announcement_route_does_not_stop_the_client_from_opening(string failure)
    {
        await using var server = await TestServerHost.StartAsync();
        server.Announcement.Set(true, "never seen");
        var fault = failure switch
        {
            "404" => Fault.Status(404, body: "{\"type\":\"https://api.backend.ai/probs/generic-not-found\"}"),
            "500" => Fault.Status(500, body: "Internal Server Error"),
            "reset" => Fault.ResetAfterBody(),
            _ => Fault.Status(200, body: "<html>maintenance</html>"),
        };
        server.Faults.Inject(fault, pathPrefix: "/manager/announcement");
        using var logs = new CapturingLoggerProvider();
        var received = new List<string>();
        var config = PipelineKit.Config([server.BaseAddress], o => o.AnnouncementHandler = received.Add);

        using var client = await BackendAIClient.OpenAsync(config, new BackendAIClientOptions
        {
            LoggerFactory = logs.Factory,
        });
        using var response = await client.SendAsync(HttpMethod.Get, "/echo/still-usable");

        Assert.Empty(received);
        Assert.Single(logs.WithId(1011));
        Assert.Equal(ServerVersion, client.ApiVersion);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
