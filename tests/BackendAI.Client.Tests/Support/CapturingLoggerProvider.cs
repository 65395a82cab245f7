using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BackendAI.Client.Tests.Support;

/// <summary>Keeps every log entry written through its <see cref="Factory"/>, at every level.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private int _disposed;

    public CapturingLoggerProvider()
    {
        Factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));
    }

    /// <summary>Gets a logger factory that writes here.</summary>
    public ILoggerFactory Factory { get; }

    /// <summary>Gets the entries so far, oldest first.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Gets the entries with the given event id.</summary>
    public IReadOnlyList<LogEntry> WithId(int id) => [.. _entries.Where(e => e.EventId.Id == id)];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
        // The factory may dispose its providers, this one included.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Factory.Dispose();
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (state is IReadOnlyList<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    properties[key] = value;
                }
            }

            entries.Enqueue(new LogEntry(
                category, logLevel, eventId, formatter(state, exception), exception, properties));
        }
    }
}
