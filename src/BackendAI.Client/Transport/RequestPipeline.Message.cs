using System.Net;
using BackendAI.Client.Configuration;

namespace BackendAI.Client.Transport;

/// <summary>Building and probing: the message for one attempt, and the health probe of a recovering endpoint.</summary>
internal sealed partial class RequestPipeline
{
    private HttpRequestMessage BuildMessage(ApiRequest request, Uri endpoint, AttemptState state)
    {
        var message = new HttpRequestMessage(request.Method, Resolve(endpoint, request))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        message.Options.Set(AttemptState.Key, state);

        var headers = message.Headers;
        headers.TryAddWithoutValidation("User-Agent", _config.UserAgent);
        if (!request.OmitVersionHeader)
        {
            headers.TryAddWithoutValidation("X-BackendAI-Version", ApiVersion);
        }

        headers.TryAddWithoutValidation("X-BackendAI-Domain", _config.Domain);
        headers.TryAddWithoutValidation("X-BackendAI-Date", _clock.FormatNow());
        if (state.HasBody)
        {
            message.Content = new GuardedContent(
                request.Body ?? ReadOnlyMemory<byte>.Empty, request.ContentType, state);
        }

        foreach (var (name, value) in request.Headers)
        {
            // Content headers (Content-Language, …) belong to the body; without one they cannot be sent.
            if (!headers.TryAddWithoutValidation(name, value)
                && message.Content?.Headers.TryAddWithoutValidation(name, value) != true)
            {
                message.Dispose();
                throw new ArgumentException(
                    $"The header '{name}' describes a request body, and {request} has none.", nameof(request));
            }
        }

        if (!request.Anonymous)
        {
            _authenticator?.Authenticate(message);
        }

        return message;
    }

    /// <summary>
    /// The full URL of a request on an endpoint: in session mode every path but <c>/server…</c> goes
    /// under <c>/func</c> of the web server.
    /// </summary>
    private Uri Resolve(Uri endpoint, ApiRequest request)
    {
        var pathAndQuery = request.BuildPathAndQuery();
        if (_config.EndpointType == EndpointType.Session
            && !pathAndQuery.StartsWith("/server", StringComparison.Ordinal))
        {
            pathAndQuery = "/func" + pathAndQuery;
        }

        var baseText = endpoint.AbsoluteUri.TrimEnd('/');
        return new Uri(baseText + pathAndQuery);
    }

    private async Task<bool> ProbeAsync(
        PooledEndpoint endpoint, List<RequestAttempt> attempts, CancellationToken cancellationToken)
    {
        var probe = new ApiRequest(HttpMethod.Get, "/") { Anonymous = true, OmitVersionHeader = true };
        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        var state = new AttemptState(ProbeTimeout(), hasBody: false);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, state.ReadTimer.Token);
        using var message = BuildMessage(probe, endpoint.Uri, state);

        try
        {
            using var response = await _invoker.SendAsync(message, linked.Token).ConfigureAwait(false);
            var alive = (int)response.StatusCode < 500;
            _config.Pool.ReportProbeResult(endpoint, alive);
            if (alive)
            {
                Diagnostics.Log.EndpointAlive(_logger, endpoint.Uri);
                return true;
            }

            attempts.Add(new RequestAttempt(endpoint.Uri, RequestPhase.Read, TransportFailure.ProbeFailed,
                $"the health probe answered {(int)response.StatusCode}", startedAt, _time.GetElapsedTime(started)));
            return false;
        }
        catch (Exception ex) when (ex is not ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            var failure = FailureClassifier.Classify(ex, state);
            _config.Pool.ReportProbeResult(endpoint, false);
            attempts.Add(new RequestAttempt(endpoint.Uri, failure.Phase, TransportFailure.ProbeFailed,
                $"the health probe failed: {failure.Description}", startedAt, _time.GetElapsedTime(started)));
            return false;
        }
        finally
        {
            state.Dispose();
        }
    }

    /// <summary>A probe waits no longer than a connect timeout for its answer: a slow endpoint stays out.</summary>
    private TimeSpan ProbeTimeout() =>
        _config.ConnectionTimeout > TimeSpan.Zero ? _config.ConnectionTimeout : TimeSpan.FromSeconds(10);
}
