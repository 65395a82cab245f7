using System.Diagnostics;
using System.Net;
using BackendAI.Client.Authentication;
using BackendAI.Client.Configuration;
using BackendAI.Client.Diagnostics;
using Microsoft.Extensions.Logging;

namespace BackendAI.Client.Transport;

/// <summary>
/// The one road every request takes: pick endpoints from the pool, build and date the message for
/// each attempt, authenticate it last, send it, and decide from the outcome whether another endpoint
/// may be tried (DESIGN §5).
/// </summary>
internal sealed partial class RequestPipeline : IDisposable
{
    private readonly ApiConfig _config;
    private readonly HttpMessageInvoker _invoker;
    private readonly IRequestAuthenticator? _authenticator;
    private readonly RequestClock _clock;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _disposed;
    private string _apiVersion;

    internal RequestPipeline(
        ApiConfig config,
        HttpMessageHandler handler,
        IRequestAuthenticator? authenticator,
        TimeProvider time,
        ILogger logger)
    {
        _config = config;
        Handler = handler;
        _invoker = new HttpMessageInvoker(handler, disposeHandler: true);
        _authenticator = authenticator;
        _time = time;
        _clock = new RequestClock(time);
        _logger = logger;
        _apiVersion = config.Version;
    }

    /// <summary>Gets or sets the API version sent in <c>X-BackendAI-Version</c> (the negotiated one).</summary>
    internal string ApiVersion
    {
        get => Volatile.Read(ref _apiVersion);
        set => Volatile.Write(ref _apiVersion, value);
    }

    /// <summary>Gets the invoker every attempt goes through (deliberately not an <see cref="HttpClient"/>).</summary>
    internal HttpMessageInvoker Invoker => _invoker;

    /// <summary>Gets the handler under <see cref="Invoker"/>: connect timeout and TLS policy.</summary>
    internal HttpMessageHandler Handler { get; }

    /// <summary>Gets the clock that dates requests, with any learned skew offset.</summary>
    internal RequestClock Clock => _clock;

    /// <summary>Sends a request, failing over between endpoints as the retry rules allow.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call; never reported as a timeout, never retried.</param>
    /// <returns>The successful response.</returns>
    internal async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        // A disposed client is a caller's mistake, not a dead endpoint: the shared pool must not hear of it.
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_config.Endpoints.Count == 0)
        {
            throw new BackendAIException(
                "No endpoint is configured: set BACKEND_ENDPOINT (or ApiConfigOptions.Endpoint) to the manager's URL, "
                + "for example https://api.example.com.");
        }

        try
        {
            return await SendThroughPoolAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (IsCallerCancellation(ex, cancellationToken))
        {
            throw CallerCancelled(ex, cancellationToken);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Volatile.Write(ref _disposed, 1);
        _invoker.Dispose();
    }

    /// <summary>
    /// Tells whether a cancellation came from the caller's token but carries another one (a linked source of
    /// the attempt), so it can be rethrown with the caller's token, which callers compare against.
    /// </summary>
    internal static bool IsCallerCancellation(
        OperationCanceledException exception, CancellationToken callerToken) =>
        callerToken.IsCancellationRequested && exception.CancellationToken != callerToken;

    /// <summary>The cancellation the caller asked for, carrying the caller's token.</summary>
    internal static OperationCanceledException CallerCancelled(
        OperationCanceledException exception, CancellationToken callerToken) =>
        new TaskCanceledException("The call was cancelled by the caller.", exception, callerToken);

    private async Task<ApiResponse> SendThroughPoolAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.Source.StartActivity($"BackendAI {request.Method.Method}");
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("url.path", request.Path);

        var attempts = new List<RequestAttempt>();
        var cursor = _config.Pool.BeginRequest();
        Exception? lastError = null;
        while (cursor.TryNext(out var endpoint))
        {
            if (endpoint.NeedsProbe && !await ProbeAsync(endpoint, attempts, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var outcome = await AttemptAsync(request, endpoint, attempts, cancellationToken).ConfigureAwait(false);
            if (outcome.Response is not null)
            {
                activity?.SetTag("server.address", endpoint.Uri.Authority);
                return outcome.Response;
            }

            lastError = outcome.Error;
        }

        activity?.SetStatus(ActivityStatusCode.Error);
        throw new BackendAITransportException(request.ToString(), attempts, lastError);
    }

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete;

    private static bool IsUnavailable(HttpStatusCode status) =>
        status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
