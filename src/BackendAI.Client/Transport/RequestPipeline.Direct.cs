namespace BackendAI.Client.Transport;

/// <summary>Requests to URLs outside the endpoint pool: storage proxies handed out by the manager.</summary>
internal sealed partial class RequestPipeline
{
    /// <summary>
    /// Sends one request to <paramref name="url"/> with the client's TLS policy, connect and read timeouts
    /// and user agent; no signature (the URL carries its own token) and no fail-over (resumable transfers
    /// recover by their own protocol).
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="url">The absolute URL.</param>
    /// <param name="configure">Adds headers to the message.</param>
    /// <param name="content">
    /// Creates the body for this attempt, given the attempt state to report to; may be null.
    /// </param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer, any status; its body is open.</returns>
    /// <exception cref="BackendAITransportException">The request failed at the transport level.</exception>
    internal async Task<DirectResponse> SendDirectAsync(
        HttpMethod method,
        Uri url,
        Action<HttpRequestMessage>? configure,
        Func<AttemptState, HttpContent>? content,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        var state = new AttemptState(_config.ReadTimeout, content is not null);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, state.ReadTimer.Token);

        var message = new HttpRequestMessage(method, url);
        message.Options.Set(AttemptState.Key, state);
        message.Headers.TryAddWithoutValidation("User-Agent", _config.UserAgent);
        configure?.Invoke(message);
        if (content is not null)
        {
            message.Content = content(state);
        }

        try
        {
            var response = await _invoker.SendAsync(message, linked.Token).ConfigureAwait(false);
            state.DisarmReadTimer();
            var raw = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var body = new ReadTimeoutStream(
                raw, new Uri(url.GetLeftPart(UriPartial.Path)), state, cancellationToken, linked.Token, linked, state,
                message);
            return new DirectResponse(response, body);
        }
        catch (Exception ex) when (ex is not ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            var failure = FailureClassifier.Classify(ex, state);
            // The query of a storage-proxy URL carries its transfer ticket, a credential: errors leave it out.
            var withoutQuery = new Uri(url.GetLeftPart(UriPartial.Path));
            var attempt = new RequestAttempt(withoutQuery, failure.Phase, failure.Failure, failure.Description,
                startedAt, _time.GetElapsedTime(started));
            message.Dispose();
            linked.Dispose();
            state.Dispose();
            throw new BackendAITransportException($"{method} {withoutQuery}", [attempt], ex);
        }
        catch (Exception ex)
        {
            message.Dispose();
            linked.Dispose();
            state.Dispose();
            if (ex is OperationCanceledException cancelled && IsCallerCancellation(cancelled, cancellationToken))
            {
                throw CallerCancelled(cancelled, cancellationToken);
            }

            throw;
        }
    }
}
