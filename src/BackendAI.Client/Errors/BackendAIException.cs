namespace BackendAI.Client;

/// <summary>The base of every error the client raises for a failed call.</summary>
public class BackendAIException : Exception
{
    /// <summary>Creates an error with no message.</summary>
    public BackendAIException()
    {
    }

    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public BackendAIException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BackendAIException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
