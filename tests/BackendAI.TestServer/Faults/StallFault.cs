namespace BackendAI.TestServer.Faults;

/// <summary>See <see cref="Fault.StallBeforeHeaders"/>.</summary>
public sealed record StallFault(TimeSpan Delay) : Fault;
