namespace BackendAI.Client;

/// <summary>One attempt of a request against one endpoint, kept when the attempt failed.</summary>
/// <param name="Endpoint">The endpoint the attempt went to.</param>
/// <param name="Phase">The phase in which it failed.</param>
/// <param name="Failure">Why it failed.</param>
/// <param name="Error">A readable description of the cause.</param>
/// <param name="StartedAt">When the attempt started.</param>
/// <param name="Elapsed">How long the attempt took until it failed.</param>
public sealed record RequestAttempt(
    Uri Endpoint,
    RequestPhase Phase,
    TransportFailure Failure,
    string Error,
    DateTimeOffset StartedAt,
    TimeSpan Elapsed)
{
    /// <summary>Renders the attempt on one line.</summary>
    /// <returns>The endpoint, phase, failure, cause and elapsed time.</returns>
    public override string ToString() =>
        $"{Endpoint} [{Phase}, {Failure}] after {Elapsed.TotalMilliseconds:0} ms: {Error}";
}
