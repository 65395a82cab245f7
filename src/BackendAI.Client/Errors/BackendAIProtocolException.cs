namespace BackendAI.Client;

/// <summary>
/// The server answered, but not in the shape the protocol promises (for example, a body that is not JSON).
/// </summary>
public sealed class BackendAIProtocolException : BackendAIException
{
    /// <summary>Creates an error with no message.</summary>
    public BackendAIProtocolException()
    {
    }

    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">What was wrong with the answer.</param>
    public BackendAIProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">What was wrong with the answer.</param>
    /// <param name="innerException">The cause.</param>
    public BackendAIProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
