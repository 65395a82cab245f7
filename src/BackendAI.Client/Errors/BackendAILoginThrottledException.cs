using System.Net;

namespace BackendAI.Client;

/// <summary>The web server refused to check a login because of too many failed attempts (429).</summary>
public sealed class BackendAILoginThrottledException : BackendAIApiException
{
    /// <summary>Creates an error with no message.</summary>
    public BackendAILoginThrottledException()
    {
    }

    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public BackendAILoginThrottledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BackendAILoginThrottledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error from the server's 429 answer.</summary>
    /// <param name="inner">The API error the answer produced.</param>
    public BackendAILoginThrottledException(BackendAIApiException inner)
        : base(
            $"Too many failed login attempts at {inner?.Endpoint}; wait before trying again. {inner?.Message}",
            HttpStatusCode.TooManyRequests,
            inner?.Endpoint ?? new Uri("about:blank"),
            inner?.Problem,
            inner?.RawBody ?? string.Empty)
    {
    }
}
