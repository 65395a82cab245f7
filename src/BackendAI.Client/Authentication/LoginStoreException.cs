namespace BackendAI.Client.Authentication;

/// <summary>
/// The exception thrown when the login file or its directory cannot be used safely: too open permissions, another
/// owner, corrupt or foreign content, or a lock that cannot be taken. The message says why and how to fix it.
/// </summary>
public sealed class LoginStoreException : BackendAIException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public LoginStoreException()
        : base("The login store cannot be used.")
    {
    }

    /// <summary>Initializes a new instance with the given message.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public LoginStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with the given message and the error that caused it.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The underlying error.</param>
    public LoginStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
