using Microsoft.Extensions.Logging;

namespace BackendAI.Client.Tests.Support;

/// <summary>One captured log entry.</summary>
internal sealed record LogEntry(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    Exception? Exception,
    IReadOnlyDictionary<string, object?> Properties)
{
    /// <summary>Returns a structured property of the message (such as <c>Endpoint</c>), or null.</summary>
    public object? this[string name] => Properties.GetValueOrDefault(name);
}
