namespace BackendAI.Client.Functions;

/// <summary>The server-wide announcement.</summary>
/// <param name="Enabled">Whether an announcement is shown.</param>
/// <param name="Message">The announcement text (empty when none).</param>
public sealed record Announcement(bool Enabled, string Message);
