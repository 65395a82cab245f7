namespace BackendAI.TestServer;

/// <summary>Settings of a local manager instance.</summary>
public sealed class TestServerOptions
{
    /// <summary>Gets or sets the mode. Default: <see cref="TestServerMode.VerifyOnly"/>.</summary>
    public TestServerMode Mode { get; set; } = TestServerMode.VerifyOnly;

    /// <summary>
    /// Gets or sets a hook that adds routes; it runs after the recording, fault and verification middleware and
    /// the basic routes (<c>GET /</c>, <c>GET /func/</c>, <c>GET /manager/announcement</c>) are in place.
    /// </summary>
    public Action<WebApplication>? ConfigureRoutes { get; set; }

    /// <summary>
    /// Gets or sets a predicate selecting requests that bypass the manager's checks (API version, date and
    /// signature), for routes that authenticate by other means (the web server's cookie routes, a storage proxy).
    /// </summary>
    public Func<HttpContext, bool>? SkipVerification { get; set; }

    /// <summary>
    /// Gets or sets the certificate (with its private key) to serve HTTPS with; the address then starts with
    /// <c>https://</c>. Default: null (plain HTTP).
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? HttpsCertificate { get; set; }

    /// <summary>Gets or sets the loopback port. Default: 0 (any free port).</summary>
    public int Port { get; set; }

    /// <summary>
    /// Gets or sets the host name the server signs with when a request carries no <c>Host</c> header (HTTP/1.0).
    /// Default: the machine's host name.
    /// </summary>
    public string ServerHostName { get; set; } = System.Net.Dns.GetHostName();

    /// <summary>Gets or sets the clock the server reads (before any skew fault). Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets how many body bytes of each request are recorded. Default: 1 MiB.</summary>
    public int MaxRecordedBodyBytes { get; set; } = 1 << 20;

    /// <summary>Gets or sets a value indicating whether requests are logged to the console. Default: off.</summary>
    public bool LogToConsole { get; set; }
}
