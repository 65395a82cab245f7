using System.Diagnostics;
using System.Net;
using BackendAI.Client.Diagnostics;

namespace BackendAI.Client.Transport;

/// <summary>One attempt against one endpoint.</summary>
internal sealed partial class RequestPipeline
{
    private const string DateSyncError = "Date/time sync error";

    private async Task<AttemptOutcome> AttemptAsync(
        ApiRequest request, PooledEndpoint endpoint, List<RequestAttempt> attempts, CancellationToken cancellationToken)
    {
        var skewRetried = false;
        while (true)
        {
            using var activity = Telemetry.Source.StartActivity("BackendAI attempt");
            activity?.SetTag("server.address", endpoint.Uri.Authority);

            var startedAt = _time.GetUtcNow();
            var started = _time.GetTimestamp();
            var state = new AttemptState(_config.ReadTimeout, HasBody(request));
            var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, state.ReadTimer.Token);
            HttpRequestMessage message;
            try
            {
                message = BuildMessage(request, endpoint.Uri, state);
            }
            catch
            {
                linked.Dispose();
                state.Dispose();
                throw;
            }

            HttpResponseMessage? response = null;
            var responseOwned = false;
            var handedOver = false;
            try
            {
                Log.Sending(_logger, request.Method.Method, request.Path, endpoint.Uri);
                response = await _invoker.SendAsync(message, linked.Token).ConfigureAwait(false);
                state.DisarmReadTimer();
                _authenticator?.OnResponse(response);
                var elapsed = _time.GetElapsedTime(started);
                Log.Answered(_logger, request.Method.Method, request.Path, (int)response.StatusCode, endpoint.Uri,
                    elapsed.TotalMilliseconds);

                if (IsUnavailable(response.StatusCode) && IsIdempotent(request.Method))
                {
                    var failure = new ClassifiedFailure(RequestPhase.Read, TransportFailure.Unavailable,
                        $"the endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}");
                    return Fail(request, endpoint, attempts, failure, startedAt, elapsed, null);
                }

                _config.Pool.ReportSuccess(endpoint, elapsed);
                if (response.IsSuccessStatusCode)
                {
                    var result = await ReadResponseAsync(request, endpoint.Uri, response, state, linked,
                        cancellationToken).ConfigureAwait(false);
                    responseOwned = true;
                    handedOver = request.StreamResponse;
                    return new AttemptOutcome(result, null);
                }

                var body = await ReadErrorBodyAsync(response, state, linked.Token).ConfigureAwait(false);
                if (IsDateSyncError(response.StatusCode, body))
                {
                    if (skewRetried)
                    {
                        // Rejected again with the corrected date: the offset cannot be fixed from here.
                        throw new BackendAIClockSkewException(
                            endpoint.Uri, _clock.LocalNow, RequestClock.ReadServerTime(response.Headers));
                    }

                    skewRetried = true;
                    if (TryCorrectSkew(endpoint.Uri, response) is { } skewError)
                    {
                        throw skewError;
                    }

                    continue;
                }

                throw ErrorMapper.ToException(response, endpoint.Uri, body);
            }
            catch (Exception ex) when (ex is not BackendAIException and not ObjectDisposedException
                && !cancellationToken.IsCancellationRequested)
            {
                var failure = FailureClassifier.Classify(ex, state);
                var elapsed = _time.GetElapsedTime(started);
                if (failure.NothingSent || IsIdempotent(request.Method))
                {
                    return Fail(request, endpoint, attempts, failure, startedAt, elapsed, ex);
                }

                attempts.Add(new RequestAttempt(endpoint.Uri, failure.Phase, failure.Failure, failure.Description,
                    startedAt, elapsed));
                ReportDead(endpoint);
                Log.OutcomeUnknown(_logger, request.Method.Method, request.Path, endpoint.Uri);
                throw new BackendAIOutcomeUnknownException(request.ToString(), attempts, ex);
            }
            finally
            {
                if (!responseOwned)
                {
                    response?.Dispose();
                }

                if (!handedOver)
                {
                    message.Dispose();
                    linked.Dispose();
                    state.Dispose();
                }
            }
        }
    }

    private AttemptOutcome Fail(
        ApiRequest request,
        PooledEndpoint endpoint,
        List<RequestAttempt> attempts,
        ClassifiedFailure failure,
        DateTimeOffset startedAt,
        TimeSpan elapsed,
        Exception? cause)
    {
        attempts.Add(new RequestAttempt(endpoint.Uri, failure.Phase, failure.Failure, failure.Description,
            startedAt, elapsed));
        Log.FailingOver(_logger, request.Method.Method, request.Path, endpoint.Uri, failure.Phase, failure.Failure,
            failure.Description);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, failure.Description);
        ReportDead(endpoint);
        return new AttemptOutcome(null, cause);
    }

    private void ReportDead(PooledEndpoint endpoint)
    {
        // Only the report that turned the endpoint dead logs it, however many requests fail at once.
        if (_config.Pool.ReportFailure(endpoint))
        {
            Log.EndpointDead(_logger, endpoint.Uri);
        }
    }

    private BackendAIClockSkewException? TryCorrectSkew(Uri endpoint, HttpResponseMessage response)
    {
        var local = _clock.LocalNow;
        var serverTime = _clock.LearnFrom(response.Headers);
        if (serverTime is null)
        {
            return new BackendAIClockSkewException(endpoint, local, null);
        }

        Log.SkewCorrected(_logger, endpoint, _clock.Offset.TotalSeconds);
        return null;
    }

    private static bool IsDateSyncError(HttpStatusCode status, string body) =>
        status == HttpStatusCode.BadRequest && body.Contains(DateSyncError, StringComparison.Ordinal);

    private static bool HasBody(ApiRequest request) =>
        request.Body is not null || !IsIdempotent(request.Method);

    private static async Task<string> ReadErrorBodyAsync(
        HttpResponseMessage response, AttemptState state, CancellationToken token)
    {
        state.ArmReadTimer();
        var text = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
        state.DisarmReadTimer();
        return text;
    }

    private static async Task<ApiResponse> ReadResponseAsync(
        ApiRequest request,
        Uri endpoint,
        HttpResponseMessage response,
        AttemptState state,
        CancellationTokenSource linked,
        CancellationToken cancellationToken)
    {
        var raw = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (request.StreamResponse)
        {
            var stream = new ReadTimeoutStream(raw, endpoint, state, cancellationToken, linked.Token, linked, state);
            return new ApiResponse(response, endpoint, null, stream);
        }

        var bounded = new ReadTimeoutStream(raw, endpoint, state, cancellationToken, linked.Token);
        await using var boundedScope = bounded.ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await bounded.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return new ApiResponse(response, endpoint, buffer.ToArray(), null);
    }

    private readonly record struct AttemptOutcome(ApiResponse? Response, Exception? Error);
}
