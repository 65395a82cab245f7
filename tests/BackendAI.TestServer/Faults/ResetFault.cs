namespace BackendAI.TestServer.Faults;

/// <summary>See <see cref="Fault.ResetAfterBody"/>.</summary>
public sealed record ResetFault : Fault;
