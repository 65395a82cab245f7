using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using BackendAI.Client.Authentication;
using BackendAI.Client.Tests.Support;
using BackendAI.TestServer;
using BackendAI.TestServer.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendAI.Client.Tests.Conformance;

public sealed class LocalManagerBehaviourTests
{
    [Fact]
    public async Task The_version_probes_and_the_announcement_answer_without_authentication()
    {
        await using TestServerHost server = await TestServerHost.StartAsync();
        using HttpClient client = Plain(server);
        server.Announcement.Set(true, "maintenance at 10:00");

        string root = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        string func = await client.GetStringAsync(new Uri("/func/", UriKind.Relative));
        string announcement = await client.GetStringAsync(new Uri("/manager/announcement", UriKind.Relative));

        Assert.Equal("{\"version\":\"v8.20240315\",\"manager\":\"24.03.9\"}", root);
        Assert.Equal(root, func);
        Assert.Equal("{\"enabled\":true,\"message\":\"maintenance at 10:00\"}", announcement);
    }

    [Fact]
    public async Task The_recorder_keeps_method_raw_target_headers_and_body()
    {
        await using TestServerHost server = await TestServerHost.StartAsync();
        using HttpClient client = Signed(server);
        using var content = new StringContent("{\"k\":\"v\"}", Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await client.PostAsync(Relative("/echo?q=a%2Fb%20c"), content);

        var recorded = Assert.Single(server.Recorder.Requests);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("POST", "/echo?q=a%2Fb%20c"), (recorded.Method, recorded.RawTarget));
        Assert.Equal("{\"k\":\"v\"}", Encoding.UTF8.GetString(recorded.Body));
        Assert.StartsWith(
            "BackendAI signMethod=HMAC-SHA256", recorded.Header("authorization"), StringComparison.Ordinal);
        Assert.Equal(200, recorded.Status);
    }

    [Fact]
    public async Task A_status_fault_answers_for_the_next_request_only_and_on_its_path_prefix()
    {
        await using TestServerHost server = await TestServerHost.StartAsync();
        using HttpClient client = Signed(server);
        FaultRule redirect = server.Faults.Inject(
            Fault.Status(301, location: "http://elsewhere.test/"), times: 1, pathPrefix: "/folders");
        server.Faults.Inject(Fault.Status(503), times: 1, pathPrefix: "/session");

        using HttpResponseMessage unaffected = await client.GetAsync(new Uri("/echo", UriKind.Relative));
        using HttpResponseMessage moved = await client.GetAsync(new Uri("/folders/x", UriKind.Relative));
        using HttpResponseMessage again = await client.GetAsync(new Uri("/folders/x", UriKind.Relative));
        using HttpResponseMessage unavailable = await client.GetAsync(new Uri("/session/s", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal(new Uri("http://elsewhere.test/"), moved.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal((1, 0), (redirect.Applied, redirect.Remaining));
    }

    [Fact]
    public async Task A_stall_holds_the_answer_until_the_caller_gives_up_and_later_requests_are_served()
    {
        await using TestServerHost server = await TestServerHost.StartAsync();
        using HttpClient client = Plain(server);
        server.Faults.Inject(Fault.StallBeforeHeaders(TimeSpan.FromMinutes(5)), times: 1);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.GetAsync(new Uri("/", UriKind.Relative), giveUp.Token));
        using HttpResponseMessage later = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task A_reset_after_the_body_fails_the_request_after_the_server_read_it()
    {
        await using TestServerHost server = await TestServerHost.StartAsync();
        using HttpClient client = Plain(server);
        server.Faults.Inject(Fault.ResetAfterBody());
        using var content = new StringContent("payload");

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(Relative("/session"), content));

        Assert.Equal("payload", Encoding.UTF8.GetString(server.Recorder.Last.Body));
        Assert.Null(server.Recorder.Last.Status);
    }

    [Fact]
    public async Task A_slow_body_arrives_complete_in_several_pieces()
    {
        await using TestServerHost server = await TestServerHost.StartAsync();
        using HttpClient client = Plain(server);
        server.Faults.Inject(Fault.SlowBody(TimeSpan.FromMilliseconds(5), chunkSize: 8));

        using HttpResponseMessage response = await client.GetAsync(
            Relative("/"), HttpCompletionOption.ResponseHeadersRead);
        await using Stream body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        int reads = 0;
        var buffer = new byte[1024];
        for (int n; (n = await body.ReadAsync(buffer)) > 0; reads++)
        {
            received.Write(buffer, 0, n);
        }

        Assert.Equal(
            "{\"version\":\"v8.20240315\",\"manager\":\"24.03.9\"}", Encoding.UTF8.GetString(received.ToArray()));
        Assert.True(reads > 1, $"the body came in {reads} read(s)");
    }

    [Fact]
    public async Task A_skewed_clock_shifts_the_date_header_and_the_fifteen_minute_check()
    {
        await using TestServerHost server = await TestServerHost.StartAsync();
        using HttpClient client = Signed(server);
        server.Clock.Offset = TimeSpan.FromHours(1);

        using HttpResponseMessage response = await client.GetAsync(new Uri("/echo", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Date/time sync error", body, StringComparison.Ordinal);
        Assert.True(response.Headers.Date > DateTimeOffset.UtcNow.AddMinutes(45), $"server {response.Headers.Date}");
    }

    [Fact]
    public async Task A_refused_port_refuses_connections()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        Uri refused = TestServerHost.GetRefusedAddress();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(refused));

        var socketError = Assert.IsType<SocketException>(error.InnerException);
        Assert.Equal(SocketError.ConnectionRefused, socketError.SocketErrorCode);
    }

    [Fact]
    public async Task Accepted_connections_are_counted_and_keep_alive_reuses_one()
    {
        await using TestServerHost server = await TestServerHost.StartAsync();
        using HttpClient client = Plain(server);

        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri("/", UriKind.Relative));
        }

        using var closing = new HttpRequestMessage(HttpMethod.Get, "/");
        closing.Headers.ConnectionClose = true;
        using HttpResponseMessage last = await client.SendAsync(closing);
        using HttpResponseMessage afterClose = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(2, server.AcceptedConnections);
    }

    [Fact]
    public async Task A_raw_response_server_sends_a_malformed_status_line_as_given()
    {
        await using var server = RawResponseServer.Start("HTTP/1.1 abc Broken\r\nContent-Length: 0\r\n\r\n");
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(server.BaseAddress));

        Assert.Equal(1, server.AcceptedConnections);
    }

    [Fact]
    public async Task Emulation_routes_run_after_verification_and_unknown_paths_get_the_manager_404()
    {
        await using TestServerHost server = await TestServerHost.StartAsync(new TestServerOptions
        {
            Mode = TestServerMode.Emulation,
            ConfigureRoutes = app => app.MapGet("/folders", (HttpContext context) =>
                Results.Json(new { key = context.Items["BackendAI.AccessKey"] })),
            SkipVerification = context => context.Request.Path.StartsWithSegments("/server"),
        });
        using HttpClient signed = Signed(server);
        using HttpClient plain = Plain(server);

        using HttpResponseMessage folders = await signed.GetAsync(new Uri("/folders", UriKind.Relative));
        using HttpResponseMessage unsigned = await plain.GetAsync(new Uri("/folders", UriKind.Relative));
        using HttpResponseMessage unknown = await signed.GetAsync(new Uri("/nowhere", UriKind.Relative));
        using HttpResponseMessage skipped = await plain.PostAsync(new Uri("/server/login", UriKind.Relative), null);

        Assert.Equal("{\"key\":\"AKTESTKEY00000000000\"}", await folders.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using JsonDocument problem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(
            "https://api.backend.ai/probs/generic-not-found", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NotFound, skipped.StatusCode);
    }

    private static Uri Relative(string target) => new(target, UriKind.Relative);

    private static HttpClient Plain(TestServerHost server) =>
        new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            BaseAddress = server.BaseAddress,
        };

    private static HttpClient Signed(TestServerHost server)
    {
        var signer = new RequestSigner(TestKeypairs.DefaultAccessKey, TestKeypairs.DefaultSecretKey, "sha256");
        return new HttpClient(new SigningHandler(signer)) { BaseAddress = server.BaseAddress };
    }
}
