namespace BackendAI.Client;

/// <summary>
/// The manager rejected the request's date ("Date/time sync error") and the offset could not be
/// corrected from its answer. Shows both clocks.
/// </summary>
public sealed class BackendAIClockSkewException : BackendAIException
{
    /// <summary>Creates an error with no message.</summary>
    public BackendAIClockSkewException()
    {
    }

    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public BackendAIClockSkewException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BackendAIClockSkewException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error showing the local and (when known) the server's time.</summary>
    /// <param name="endpoint">The endpoint that rejected the date.</param>
    /// <param name="localTime">The client's clock when the answer arrived.</param>
    /// <param name="serverTime">The server's clock from its <c>Date</c> header, or null when it sent none.</param>
    public BackendAIClockSkewException(Uri endpoint, DateTimeOffset localTime, DateTimeOffset? serverTime)
        : base(
            $"The server at {endpoint} rejected the request's date (Date/time sync error). Local time: "
            + $"{localTime:O}; server time: "
            + $"{(serverTime is { } s ? s.ToString("O") : "unknown (no usable Date header)")}."
            + " Synchronise this machine's clock (the manager allows 15 minutes of difference).")
    {
        Endpoint = endpoint;
        LocalTime = localTime;
        ServerTime = serverTime;
    }

    /// <summary>Gets the endpoint that rejected the date.</summary>
    public Uri? Endpoint { get; }

    /// <summary>Gets the client's clock when the answer arrived.</summary>
    public DateTimeOffset LocalTime { get; }

    /// <summary>Gets the server's clock, or <see langword="null"/> when it was not known.</summary>
    public DateTimeOffset? ServerTime { get; }
}
