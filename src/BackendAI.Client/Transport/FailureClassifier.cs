using System.Net.Sockets;
using System.Security.Authentication;

namespace BackendAI.Client.Transport;

/// <summary>Tells from an exception of the HTTP stack in which phase and why an attempt failed.</summary>
internal static class FailureClassifier
{
    /// <summary>Classifies a failure of sending a request or reading its answer.</summary>
    /// <param name="exception">What the HTTP stack threw.</param>
    /// <param name="state">What the attempt had got through.</param>
    /// <returns>The phase, the failure kind and a description.</returns>
    internal static ClassifiedFailure Classify(Exception exception, AttemptState state)
    {
        if (state.ReadTimedOut)
        {
            return new(RequestPhase.Read, TransportFailure.ReadTimeout, "no response byte within the read timeout");
        }

        if (Find<RepeatedSendException>(exception) is not null)
        {
            return new(RequestPhase.Send, TransportFailure.ConnectionLost,
                "the connection closed before the answer and the request would have been sent again");
        }

        if (Find<ConnectFailedException>(exception) is { } connect)
        {
            return ClassifyConnect(connect.InnerException ?? connect);
        }

        if (exception is HttpRequestException http)
        {
            switch (http.HttpRequestError)
            {
                case HttpRequestError.NameResolutionError:
                    return new(RequestPhase.Connect, TransportFailure.NameResolution, Describe(exception));
                case HttpRequestError.SecureConnectionError:
                    return new(RequestPhase.Connect, TransportFailure.Tls, DescribeTls(exception));
                case HttpRequestError.ConnectionError when Find<TimeoutException>(exception) is not null:
                    return new(RequestPhase.Connect, TransportFailure.ConnectTimeout,
                        "the connection did not open within the connection timeout");
                case HttpRequestError.InvalidResponse:
                case HttpRequestError.ResponseEnded:
                    return new(SentPhase(state), http.HttpRequestError == HttpRequestError.InvalidResponse
                        ? TransportFailure.InvalidResponse
                        : TransportFailure.ConnectionLost, Describe(exception));
            }
        }

        if (Find<TimeoutException>(exception) is not null && exception is OperationCanceledException)
        {
            return new(RequestPhase.Connect, TransportFailure.ConnectTimeout,
                "the connection did not open within the connection timeout");
        }

        if (Find<SocketException>(exception) is not null || Find<IOException>(exception) is not null)
        {
            return new(SentPhase(state), TransportFailure.ConnectionLost, Describe(exception));
        }

        return new(SentPhase(state), TransportFailure.Other, Describe(exception));
    }

    private static ClassifiedFailure ClassifyConnect(Exception cause)
    {
        var socket = Find<SocketException>(cause);
        var failure = socket?.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => TransportFailure.ConnectionRefused,
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => TransportFailure.NameResolution,
            SocketError.TimedOut => TransportFailure.ConnectTimeout,
            _ => TransportFailure.Other,
        };
        return new(RequestPhase.Connect, failure, cause.Message);
    }

    private static RequestPhase SentPhase(AttemptState state) =>
        state.BodyCompleted || !state.HasBody ? RequestPhase.Read : RequestPhase.Send;

    private static string DescribeTls(Exception exception)
    {
        var auth = Find<AuthenticationException>(exception);
        return auth is null
            ? Describe(exception)
            : $"TLS handshake failed: {auth.Message} (certificate validation can be skipped only by setting "
                + "BACKEND_SKIP_SSLCERT_VALIDATION, which is unsafe)";
    }

    private static string Describe(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return ReferenceEquals(innermost, exception)
            ? exception.Message
            : $"{exception.Message} ({innermost.Message})";
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}
