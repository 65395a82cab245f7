using System.Collections.Concurrent;

namespace BackendAI.TestServer.Emulation;

/// <summary>The bodies and counters of requests received by the emulated routes; thread-safe.</summary>
public sealed class EmulationLog
{
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private readonly ConcurrentDictionary<string, long> counters = new(StringComparer.Ordinal);

    /// <summary>Gets a snapshot of every recorded request, oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> Received => received.ToArray();

    /// <summary>
    /// Gets the most recent request with this method whose path ends with <paramref name="pathSuffix"/>.
    /// </summary>
    /// <param name="method">The request method, any case.</param>
    /// <param name="pathSuffix">The end of the path, for example <c>/session</c>.</param>
    /// <returns>The request, or <see langword="null"/> when none matched.</returns>
    public ReceivedRequest? Last(string method, string pathSuffix) =>
        received.LastOrDefault(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)
            && r.Path.EndsWith(pathSuffix, StringComparison.Ordinal));

    /// <summary>
    /// Gets the value of a counter; counters are named like <c>"POST /session"</c> or <c>"login.failed"</c>.
    /// </summary>
    /// <param name="name">The counter name.</param>
    /// <returns>The count, 0 for a counter never incremented.</returns>
    public long Count(string name) => counters.TryGetValue(name, out var value) ? value : 0;

    /// <summary>Gets a snapshot of every counter.</summary>
    public IReadOnlyDictionary<string, long> Counters =>
        new Dictionary<string, long>(counters, StringComparer.Ordinal);

    /// <summary>Adds one to a counter.</summary>
    /// <param name="name">The counter name.</param>
    public void Increment(string name) => counters.AddOrUpdate(name, 1, static (_, value) => value + 1);

    /// <summary>Forgets every recorded request and counter.</summary>
    public void Clear()
    {
        received.Clear();
        counters.Clear();
    }

    internal void Record(ReceivedRequest request) => received.Enqueue(request);
}
