using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BackendAI.TestServer.Faults;
using BackendAI.TestServer.Recording;
using BackendAI.TestServer.Routes;
using BackendAI.TestServer.Verification;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BackendAI.TestServer;

/// <summary>
/// A local Backend.AI manager on <c>127.0.0.1</c>: it verifies signatures as manager 24.03 does, records every
/// request, and misbehaves on demand. Start one per endpoint a test needs.
/// </summary>
public sealed class TestServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _connections;

    private TestServerHost(WebApplication app, TestServerOptions options)
    {
        _app = app;
        Options = options;
        Clock = app.Services.GetRequiredService<ServerClock>();
        Recorder = app.Services.GetRequiredService<RequestRecorder>();
        Faults = app.Services.GetRequiredService<FaultInjector>();
        Announcement = app.Services.GetRequiredService<Announcement>();
    }

    /// <summary>Gets the server's address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets the <c>Host</c> header a client sends to this server (<c>127.0.0.1:port</c>).</summary>
    public string HostHeader => $"{BaseAddress.Host}:{BaseAddress.Port}";

    /// <summary>Gets the options the server started with.</summary>
    public TestServerOptions Options { get; }

    /// <summary>Gets every request received.</summary>
    public RequestRecorder Recorder { get; }

    /// <summary>Gets the injected faults.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Gets the server's clock, whose <see cref="ServerClock.Offset"/> skews it.</summary>
    public ServerClock Clock { get; }

    /// <summary>Gets the announcement served by <c>GET /manager/announcement</c>.</summary>
    public Announcement Announcement { get; }

    /// <summary>Gets the number of TCP connections accepted so far.</summary>
    public int AcceptedConnections => Volatile.Read(ref _connections);

    /// <summary>
    /// Gets the services of the running application; route modules find the <see cref="RequestRecorder"/>,
    /// <see cref="FaultInjector"/>, <see cref="ServerClock"/>, <see cref="Announcement"/> and
    /// <see cref="TestServerOptions"/> of this instance there.
    /// </summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server.</summary>
    /// <param name="options">The settings; null for the defaults (verify-only mode on a free port).</param>
    /// <returns>The running server.</returns>
    public static async Task<TestServerHost> StartAsync(TestServerOptions? options = null)
    {
        options ??= new TestServerOptions();
        TestServerHost? host = null;

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TestServerHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        if (options.LogToConsole)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // The manager (aiohttp) reads header values as UTF-8, so a domain such as '도메인' arrives intact.
            kestrel.RequestHeaderEncodingSelector = static _ => Encoding.UTF8;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                listen.Use(next => connection =>
                {
                    Interlocked.Increment(ref host!._connections);
                    return next(connection);
                });
                if (options.HttpsCertificate is { } certificate)
                {
                    listen.UseHttps(certificate);
                }
            });
        });

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new ServerClock(options.TimeProvider));
        builder.Services.AddSingleton(new RequestRecorder());
        builder.Services.AddSingleton(new FaultInjector());
        builder.Services.AddSingleton(new Announcement());

        WebApplication app = builder.Build();
        host = new TestServerHost(app, options);
        Configure(app, host);

        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseAddress = new Uri(new Uri(address), "/");
        return host;
    }

    /// <summary>
    /// Returns a loopback port with nothing listening (connections are refused): the port of a socket just closed.
    /// </summary>
    public static int GetRefusedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>Returns <c>http://127.0.0.1:port/</c> for a port where connections are refused.</summary>
    public static Uri GetRefusedAddress() =>
        new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{GetRefusedPort()}/"));

    /// <summary>Stops the server and closes its connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(2));
        await _app.DisposeAsync();
    }

    private static void Configure(WebApplication app, TestServerHost host)
    {
        var recording = new RecordingMiddleware(host.Recorder, host.Clock, host.Options);
        var faults = new FaultMiddleware(host.Faults);
        var verification = new ManagerVerification(host.Clock, host.Options);

        app.Use((context, next) =>
        {
            // The server's Date header follows its (possibly skewed) clock.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Date = host.Clock.UtcNow.ToString("r", CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.Use((context, next) => recording.InvokeAsync(context, next));
        app.Use((context, next) => faults.InvokeAsync(context, next));
        app.Use((context, next) => verification.InvokeAsync(context, next));

        BasicRoutes.MapPublic(app, host.Announcement, host.Options.Mode);
        host.Options.ConfigureRoutes?.Invoke(app);
        BasicRoutes.MapFallback(app, host.Options.Mode);
    }
}
