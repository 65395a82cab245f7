using System.Net;

namespace BackendAI.Client;

/// <summary>
/// The server answered with an error status. Carries the status and the problem document
/// (<c>type</c>, <c>title</c>, <c>msg</c>, <c>data</c>) or, for a body that is not JSON, its text.
/// </summary>
public class BackendAIApiException : BackendAIException
{
    /// <summary>Creates an error with no message.</summary>
    public BackendAIApiException()
    {
        RawBody = string.Empty;
    }

    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public BackendAIApiException(string message)
        : base(message)
    {
        RawBody = string.Empty;
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BackendAIApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
        RawBody = string.Empty;
    }

    /// <summary>Creates an error from a response.</summary>
    /// <param name="message">The rendered message.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="endpoint">The endpoint that answered.</param>
    /// <param name="problem">The problem document's fields, when the body was one.</param>
    /// <param name="rawBody">The body as text.</param>
    public BackendAIApiException(
        string message, HttpStatusCode statusCode, Uri endpoint, ProblemDocument? problem, string rawBody)
        : base(message)
    {
        StatusCode = statusCode;
        Endpoint = endpoint;
        Problem = problem;
        RawBody = rawBody;
    }

    /// <summary>Gets the HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the endpoint that answered.</summary>
    public Uri? Endpoint { get; }

    /// <summary>Gets the parsed problem document, or <see langword="null"/> when the body was not one.</summary>
    public ProblemDocument? Problem { get; }

    /// <summary>Gets the response body as text (kept whole when it is not JSON).</summary>
    public string RawBody { get; }
}
