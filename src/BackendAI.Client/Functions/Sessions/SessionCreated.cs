using System.Text.Json;

namespace BackendAI.Client.Functions.Sessions;

/// <summary>The answer of get-or-create.</summary>
/// <param name="SessionId">The session's id.</param>
/// <param name="Name">The session's name: the manager's answer, else the name sent (requested or generated).</param>
/// <param name="Created">True when a new session was created, false when an existing one was reused.</param>
/// <param name="Status">The session's status, such as <c>RUNNING</c> or <c>PENDING</c>.</param>
/// <param name="ServicePorts">The service ports as the manager described them.</param>
public sealed record SessionCreated(
    string SessionId, string Name, bool Created, string? Status, JsonElement ServicePorts);
