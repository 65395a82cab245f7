namespace BackendAI.Client.Configuration;

/// <summary>
/// The exception thrown when a configuration value is missing or cannot be accepted. The message names
/// where the value came from (an environment variable, a <c>.env</c> file and line, or a parameter), quotes
/// the value (never a secret key) and says what is accepted.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public ConfigurationException()
        : this("The Backend.AI client configuration is not valid.")
    {
    }

    /// <summary>Initializes a new instance with the given message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public ConfigurationException(string message)
        : base(message)
    {
        ValueSource = string.Empty;
    }

    /// <summary>Initializes a new instance with the given message and inner exception.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public ConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ValueSource = string.Empty;
    }

    internal ConfigurationException(
        string message, string valueSource, string? setting, Exception? innerException = null)
        : base(message, innerException)
    {
        ValueSource = valueSource;
        Setting = setting;
    }

    /// <summary>
    /// Gets where the rejected value came from: a variable name such as <c>BACKEND_ENDPOINT</c>, a
    /// <c>.env</c> file with its line, or a parameter. Empty when not known.
    /// </summary>
    public string ValueSource { get; }

    /// <summary>
    /// Gets the .NET name of the setting concerned (for example <c>ConnectionTimeout</c>), if any.
    /// </summary>
    public string? Setting { get; }
}
