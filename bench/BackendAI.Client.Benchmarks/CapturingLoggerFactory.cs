using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BackendAI.Client.Benchmarks;

/// <summary>
/// A logger factory that counts the client's warnings by event id and endpoint, so a run can tell how many
/// attempts failed over from each endpoint (event 1003) and how often one was marked dead (event 1004).
/// </summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentDictionary<(int EventId, string Endpoint), int> _counts = new();

    /// <summary>Gets how many events with <paramref name="eventId"/> named <paramref name="endpoint"/>.</summary>
    internal int Count(int eventId, Uri endpoint) =>
        _counts.TryGetValue((eventId, endpoint.ToString()), out var count) ? count : 0;

    /// <summary>Gets how many events with <paramref name="eventId"/> were logged, for any endpoint.</summary>
    internal int Count(int eventId) => _counts.Where(p => p.Key.EventId == eventId).Sum(p => p.Value);

    public ILogger CreateLogger(string categoryName) => new CountingLogger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Add(int eventId, string endpoint) =>
        _counts.AddOrUpdate((eventId, endpoint), 1, static (_, count) => count + 1);

    private sealed class CountingLogger(CapturingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        // Only warnings and above: the per-request debug events stay disabled, as in a production setup.
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var endpoint = "";
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                endpoint = values.FirstOrDefault(v => v.Key == "Endpoint").Value?.ToString() ?? "";
            }

            owner.Add(eventId.Id, endpoint);
        }
    }
}
