using System.Diagnostics;

namespace BackendAI.Client.Diagnostics;

/// <summary>The client's tracing source: one span per call and one per attempt.</summary>
public static class Telemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> to listen to: <c>BackendAI.Client</c>.</summary>
    public const string SourceName = "BackendAI.Client";

    internal static readonly ActivitySource Source = new(SourceName);
}
