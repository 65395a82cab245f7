namespace BackendAI.TestServer.Faults;

/// <summary>See <see cref="Fault.Status"/>.</summary>
public sealed record StatusFault(int StatusCode, string? Location, string Body) : Fault;
