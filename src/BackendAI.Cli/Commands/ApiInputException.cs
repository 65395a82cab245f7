namespace BackendAI.Cli.Commands;

/// <summary>An argument of <c>backend.ai api</c> cannot be used; the message names it and quotes it.</summary>
internal sealed class ApiInputException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public ApiInputException()
        : base("The request arguments cannot be used.")
    {
    }

    /// <summary>Initializes a new instance with a message naming the argument.</summary>
    /// <param name="message">What is wrong and what is accepted.</param>
    public ApiInputException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and its cause.</summary>
    /// <param name="message">What is wrong and what is accepted.</param>
    /// <param name="innerException">The cause.</param>
    public ApiInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
