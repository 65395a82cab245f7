using System.Net;
using System.Security.Cryptography.X509Certificates;
using BackendAI.Client.Tests.Support;
using BackendAI.TestServer;

namespace BackendAI.Client.Tests.Transport;

/// <summary>Certificate validation and its explicit skip, against an HTTPS local manager (issue 3).</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private X509Certificate2 _certificate = null!;
    private TestServerHost _server = null!;

    public async Task InitializeAsync()
    {
        _certificate = SelfSignedCertificate.ForLoopback();
        _server = await TestServerHost.StartAsync(new TestServerOptions { HttpsCertificate = _certificate });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task An_untrusted_certificate_is_reported_as_a_TLS_failure_while_connecting()
    {
        using var client = PipelineKit.Client(PipelineKit.Config(_server));

        var error = await Assert.ThrowsAsync<BackendAITransportException>(
            () => client.SendAsync(HttpMethod.Get, "/echo/tls"));

        var attempt = Assert.Single(error.Attempts);
        Assert.Equal(Uri.UriSchemeHttps, _server.BaseAddress.Scheme);
        Assert.Equal((RequestPhase.Connect, TransportFailure.Tls), (attempt.Phase, attempt.Failure));
        Assert.Contains("TLS handshake failed", attempt.Error, StringComparison.Ordinal);
        Assert.Contains("BACKEND_SKIP_SSLCERT_VALIDATION", attempt.Error, StringComparison.Ordinal);
        Assert.Equal(0, _server.Recorder.Count);
    }

    [Fact]
    public async Task Skipping_certificate_validation_lets_signed_requests_through()
    {
        var config = PipelineKit.Config([_server.BaseAddress], o => o.SkipSslCertValidation = true);
        using var client = await BackendAIClient.OpenAsync(config);

        using var response = await client.SendAsync(HttpMethod.Get, "/echo/tls");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("v8.20240315", client.Server?.Version);
        Assert.Equal(_server.HostHeader, _server.Recorder.Last.Header("Host"));
    }

    [Fact]
    public async Task A_TLS_failure_fails_even_a_POST_over_to_the_next_endpoint()
    {
        await using var plain = await TestServerHost.StartAsync();
        using var client = PipelineKit.Client(PipelineKit.Config(_server, plain));

        using var response = await client.PostJsonAsync("/session");

        Assert.Equal(plain.BaseAddress, response.Endpoint);
        Assert.Equal(0, _server.Recorder.Count);
    }

    [Fact]
    public async Task A_slow_TLS_handshake_within_the_connect_timeout_does_not_count_against_the_read_timeout()
    {
        await using var slow = new SlowHandshakeServer(_certificate, TimeSpan.FromSeconds(2));
        using var client = PipelineKit.Client(PipelineKit.Config([slow.BaseAddress], o =>
        {
            o.SkipSslCertValidation = true;
            o.ConnectionTimeout = TimeSpan.FromSeconds(30);
            o.ReadTimeout = TimeSpan.FromSeconds(1);
        }));

        using var response = await client.PostJsonAsync("/session");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, slow.Answered);
    }
}
