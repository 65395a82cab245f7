namespace BackendAI.Client.Functions;

/// <summary>The server's answer to <c>GET /</c>.</summary>
/// <param name="Version">
/// The newest API version the server speaks, such as <c>v8.20240315</c>; null when it did not say.
/// </param>
/// <param name="Manager">The manager's release, such as <c>24.03.9</c>; null when it did not say.</param>
public sealed record ServerVersionInfo(string? Version, string? Manager);
