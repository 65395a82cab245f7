using System.Text.Json;
using BackendAI.Client.Authentication;
using BackendAI.Client.Configuration;
using BackendAI.Client.Diagnostics;
using BackendAI.Client.Functions;
using BackendAI.Client.Functions.Auth;
using BackendAI.Client.Functions.Sessions;
using BackendAI.Client.Functions.VFolders;
using BackendAI.Client.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackendAI.Client;

/// <summary>
/// A client session with a Backend.AI cluster: open it (version negotiation and the announcement), make
/// calls through its function groups or <see cref="SendAsync"/>, dispose it. Safe for concurrent use.
/// </summary>
/// <remarks>
/// The client copies nothing mutable from its configuration except the endpoint pool, which every client
/// of the same <see cref="ApiConfig"/> shares, so one client's fail-over benefits the others.
/// </remarks>
public sealed class BackendAIClient : IDisposable
{
    private readonly RequestPipeline _pipeline;
    private readonly ILogger _logger;
    private readonly BackendAIClientOptions _options;

    /// <summary>Creates a client without opening it; call <see cref="OpenAsync(CancellationToken)"/> next.</summary>
    /// <param name="config">
    /// The configuration; the process-wide one (<see cref="ApiConfig.GetConfig"/>) when null.
    /// </param>
    /// <param name="options">Logging, clock and opening options.</param>
    public BackendAIClient(ApiConfig? config = null, BackendAIClientOptions? options = null)
    {
        Config = config ?? ApiConfig.GetConfig();
        _options = options ?? new BackendAIClientOptions();
        _logger = _options.LoggerFactory?.CreateLogger("BackendAI.Client") ?? NullLogger.Instance;

        // One clock for dates, latencies and the pool's backoff unless the caller separates them on purpose.
        var time = _options.TimeProvider ?? Config.Pool.TimeProvider;
        var cookies = Config.EndpointType == EndpointType.Session
            ? new SessionCookieAuthenticator(
                _options.LoginStore ?? LoginStores.ForConfig(Config), Config.Endpoints, time, _logger)
            : null;
        var authenticator = (IRequestAuthenticator?)cookies ?? CreateSigner(Config);
        _pipeline = new RequestPipeline(Config, HttpHandlerFactory.Create(Config), authenticator, time, _logger);

        Auth = new AuthFunctions(this, cookies);
        System = new SystemFunctions(this);
        Manager = new ManagerFunctions(this);
        Sessions = new ComputeSessionFunctions(this);
        VFolders = new VFolderFunctions(this);
    }

    /// <summary>Gets the configuration this client was built from.</summary>
    public ApiConfig Config { get; }

    /// <summary>
    /// Gets the API version sent with requests: the negotiated one once opened, else the configured one.
    /// </summary>
    public string ApiVersion => _pipeline.ApiVersion;

    /// <summary>
    /// Gets the server's versions as learned when the client was opened; null before or when it failed.
    /// </summary>
    public ServerVersionInfo? Server { get; private set; }

    /// <summary>Gets the server-level functions (versions).</summary>
    public SystemFunctions System { get; }

    /// <summary>Gets the manager-wide functions (announcement).</summary>
    public ManagerFunctions Manager { get; }

    /// <summary>Gets the login functions (session mode) and password changes.</summary>
    public AuthFunctions Auth { get; }

    /// <summary>Gets the compute-session functions (create, run code, destroy …).</summary>
    public ComputeSessionFunctions Sessions { get; }

    /// <summary>Gets the virtual-folder functions (folders, files, uploads and downloads).</summary>
    public VFolderFunctions VFolders { get; }

    /// <summary>Gets the pipeline, for functions that talk to storage proxies directly.</summary>
    internal RequestPipeline Pipeline => _pipeline;

    /// <summary>Creates and opens a client.</summary>
    /// <param name="config">The configuration; the process-wide one when null.</param>
    /// <param name="options">Logging, clock and opening options.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The open client.</returns>
    public static async Task<BackendAIClient> OpenAsync(
        ApiConfig? config = null, BackendAIClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        var client = new BackendAIClient(config, options);
        try
        {
            await client.OpenAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the session: negotiates the API version (lower of the server's and the configured one) and
    /// passes an enabled announcement to the configured handler. Neither failure stops the opening.
    /// </summary>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>A task that completes when the client is open.</returns>
    public async Task OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_options.NegotiateVersion)
        {
            await NegotiateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_options.FetchAnnouncement && Config.AnnouncementHandler is { } handler)
        {
            await AnnounceAsync(handler, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends any API request through the client's pipeline (routing, signing, fail-over).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The successful response; dispose it.</returns>
    /// <exception cref="BackendAIApiException">The server answered with an error status.</exception>
    /// <exception cref="BackendAITransportException">No endpoint could complete the request.</exception>
    public Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _pipeline.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _pipeline.Dispose();

    /// <summary>Sends a request and returns its JSON body (an empty body reads as an empty object).</summary>
    internal async Task<JsonElement> SendJsonAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Body.IsEmpty)
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }

        using var document = response.ReadJsonDocument();
        return document.RootElement.Clone();
    }

    private static KeypairAuthenticator? CreateSigner(ApiConfig config) =>
        config.EndpointType == EndpointType.Api && !config.IsAnonymous
            ? new KeypairAuthenticator(new RequestSigner(config.AccessKey, config.SecretKey, config.HashType))
            : null;

    private async Task NegotiateAsync(CancellationToken cancellationToken)
    {
        try
        {
            Server = await System.GetVersionsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BackendAIException ex)
        {
            Log.NegotiationFailed(_logger, Config.Version, ex.Message);
            return;
        }

        if (!Configuration.ApiVersion.TryParse(Server.Version, out var server)
            || !Configuration.ApiVersion.TryParse(Config.Version, out var client))
        {
            Log.NegotiationFailed(_logger, Config.Version, $"the server reported version '{Server.Version}'");
            return;
        }

        if (server > client)
        {
            Log.ServerNewer(_logger, server.ToString(), client.ToString());
        }
        else if (server < Configuration.ApiVersion.Oldest)
        {
            Log.ServerTooOld(_logger, server.ToString(), Configuration.ApiVersion.Oldest.ToString());
        }

        var chosen = server < client ? server : client;
        _pipeline.ApiVersion = chosen.ToString();
        Log.Negotiated(_logger, _pipeline.ApiVersion, server.ToString(), Server.Manager);
    }

    private async Task AnnounceAsync(Action<string> handler, CancellationToken cancellationToken)
    {
        Announcement announcement;
        try
        {
            announcement = await Manager.GetAnnouncementAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BackendAIException ex)
        {
            Log.AnnouncementFailed(_logger, ex.Message);
            return;
        }

        if (announcement.Enabled)
        {
            handler(announcement.Message);
        }
    }
}
