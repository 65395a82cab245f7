using System.Text;

namespace BackendAI.Client;

/// <summary>
/// A request could not be completed by any endpoint: every attempt failed at the transport level.
/// The message lists every attempt.
/// </summary>
public class BackendAITransportException : BackendAIException
{
    /// <summary>Creates an error with no message and no attempts.</summary>
    public BackendAITransportException()
    {
        Attempts = [];
    }

    /// <summary>Creates an error with a message and no attempts.</summary>
    /// <param name="message">What went wrong.</param>
    public BackendAITransportException(string message)
        : base(message)
    {
        Attempts = [];
    }

    /// <summary>Creates an error with a message, its cause and no attempts.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BackendAITransportException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Attempts = [];
    }

    /// <summary>Creates an error from the failed attempts of one request.</summary>
    /// <param name="request">The request, as <c>METHOD path</c>.</param>
    /// <param name="attempts">Every attempt, in order; the last one is the cause of this error.</param>
    /// <param name="innerException">The exception of the last attempt.</param>
    public BackendAITransportException(
        string request, IReadOnlyList<RequestAttempt> attempts, Exception? innerException)
        : base(Describe(request, attempts), innerException)
    {
        Attempts = attempts;
    }

    /// <summary>Creates an error with a ready message and the attempts behind it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    /// <param name="attempts">Every attempt, in order.</param>
    protected BackendAITransportException(
        string message, Exception? innerException, IReadOnlyList<RequestAttempt> attempts)
        : base(message, innerException)
    {
        Attempts = attempts;
    }

    /// <summary>Gets every attempt of the request, in order.</summary>
    public IReadOnlyList<RequestAttempt> Attempts { get; }

    /// <summary>Gets the endpoint of the last attempt, or <see langword="null"/> when there was none.</summary>
    public Uri? Endpoint => Attempts.Count > 0 ? Attempts[^1].Endpoint : null;

    /// <summary>Gets the phase of the last attempt.</summary>
    public RequestPhase? Phase => Attempts.Count > 0 ? Attempts[^1].Phase : null;

    /// <summary>Gets the failure of the last attempt.</summary>
    public TransportFailure? Failure => Attempts.Count > 0 ? Attempts[^1].Failure : null;

    /// <summary>Renders a request and its attempts, one attempt a line.</summary>
    /// <param name="request">The request, as <c>METHOD path</c>.</param>
    /// <param name="attempts">The attempts.</param>
    /// <returns>The text.</returns>
    protected static string Describe(string request, IReadOnlyList<RequestAttempt> attempts)
    {
        var text = new StringBuilder();
        text.Append(request).Append(" failed after ").Append(attempts.Count)
            .Append(attempts.Count == 1 ? " attempt" : " attempts").Append(':');
        foreach (var attempt in attempts)
        {
            text.Append("\n  ").Append(attempt);
        }

        return text.ToString();
    }
}
