using System.Net;

namespace BackendAI.Client;

/// <summary>
/// The server answered with a redirect. The client never follows redirects (a signed request is bound
/// to its host and path); the new location is named so the endpoint can be corrected.
/// </summary>
public sealed class BackendAIRedirectException : BackendAIApiException
{
    /// <summary>Creates an error with no message.</summary>
    public BackendAIRedirectException()
    {
    }

    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public BackendAIRedirectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BackendAIRedirectException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error for a redirect answer.</summary>
    /// <param name="statusCode">The 3xx status.</param>
    /// <param name="endpoint">The endpoint that answered.</param>
    /// <param name="location">The <c>Location</c> header, when present.</param>
    /// <param name="rawBody">The body as text.</param>
    public BackendAIRedirectException(HttpStatusCode statusCode, Uri endpoint, Uri? location, string rawBody)
        : base(
            $"The server at {endpoint} answered {(int)statusCode} redirecting to "
            + (location is null ? "(no Location header)" : $"'{location}'")
            + "; redirects are not followed. Point the endpoint at the right address.",
            statusCode,
            endpoint,
            null,
            rawBody)
    {
        Location = location;
    }

    /// <summary>Gets the redirect target, or <see langword="null"/> when the answer named none.</summary>
    public Uri? Location { get; }
}
