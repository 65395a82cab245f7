namespace BackendAI.TestServer.Faults;

/// <summary>See <see cref="Fault.SlowBody"/>.</summary>
public sealed record SlowBodyFault(TimeSpan Gap, int ChunkSize) : Fault;
