namespace BackendAI.Cli.Prompting;

/// <summary>The user could not be asked for input: no terminal, or the input ended before an answer.</summary>
internal sealed class PromptException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public PromptException()
        : base("The input could not be read.")
    {
    }

    /// <summary>Initializes a new instance with a message that says what to do instead.</summary>
    /// <param name="message">Why the prompt failed and what to do.</param>
    public PromptException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and its cause.</summary>
    /// <param name="message">Why the prompt failed and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public PromptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
