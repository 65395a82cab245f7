namespace BackendAI.Client;

/// <summary>
/// A request that must not run twice (POST, PATCH) failed after its bytes may have reached the server.
/// The server may or may not have carried it out; it was not sent to another endpoint.
/// </summary>
public sealed class BackendAIOutcomeUnknownException : BackendAITransportException
{
    /// <summary>Creates an error with no message.</summary>
    public BackendAIOutcomeUnknownException()
    {
    }

    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public BackendAIOutcomeUnknownException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BackendAIOutcomeUnknownException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error from the attempts of one request; the last one left the outcome unknown.</summary>
    /// <param name="request">The request, as <c>METHOD path</c>.</param>
    /// <param name="attempts">Every attempt, in order.</param>
    /// <param name="innerException">The exception of the last attempt.</param>
    public BackendAIOutcomeUnknownException(
        string request, IReadOnlyList<RequestAttempt> attempts, Exception? innerException)
        : base(
            $"Outcome unknown: {request} may have reached {attempts[^1].Endpoint} before the failure, so it was "
            + "not sent again; check the server's state before retrying. " + Describe(request, attempts),
            innerException,
            attempts)
    {
    }
}
