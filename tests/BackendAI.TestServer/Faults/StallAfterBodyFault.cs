namespace BackendAI.TestServer.Faults;

/// <summary>See <see cref="Fault.StallAfterBody"/>.</summary>
public sealed record StallAfterBodyFault(TimeSpan Delay) : Fault;
