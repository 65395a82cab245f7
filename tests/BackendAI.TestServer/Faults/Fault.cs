namespace BackendAI.TestServer.Faults;

/// <summary>A misbehaviour the server shows instead of (or on top of) its normal answer.</summary>
public abstract record Fault
{
    private protected Fault()
    {
    }

    /// <summary>Waits <paramref name="delay"/> before anything else happens, then answers normally.</summary>
    public static Fault StallBeforeHeaders(TimeSpan delay) => new StallFault(delay);

    /// <summary>Reads the whole request body, waits <paramref name="delay"/>, then answers normally.</summary>
    public static Fault StallAfterBody(TimeSpan delay) => new StallAfterBodyFault(delay);

    /// <summary>Reads the whole request body, then aborts the connection without answering.</summary>
    public static Fault ResetAfterBody() => new ResetFault();

    /// <summary>Answers with <paramref name="status"/>, an optional <c>Location</c> and a text body.</summary>
    public static Fault Status(int status, string? location = null, string body = "") =>
        new StatusFault(status, location, body);

    /// <summary>
    /// Answers normally but writes the body <paramref name="chunkSize"/> bytes at a time, <paramref name="gap"/>
    /// apart.
    /// </summary>
    public static Fault SlowBody(TimeSpan gap, int chunkSize = 1) => new SlowBodyFault(gap, chunkSize);
}
