using System.Diagnostics.Tracing;

namespace BackendAI.Client.Benchmarks;

/// <summary>
/// Counts, from the runtime's own networking events, the HTTP requests started towards one port (split into
/// health probes, <c>GET /</c>, and the rest) and the TCP connects that failed anywhere in the process.
/// </summary>
/// <remarks>
/// This counts what the client really did on the wire, independently of its logs: a probe to a dead endpoint
/// is not logged by the client, and a refused port accepts nothing a server could count.
/// </remarks>
internal sealed class ConnectionCounter : EventListener
{
    private int _watchedPort = -1;
    private int _requests;
    private int _probes;
    private int _connectsFailed;
    private int _connectsStarted;

    /// <summary>Gets the HTTP requests other than probes started towards the watched port.</summary>
    internal int Requests => Volatile.Read(ref _requests);

    /// <summary>Gets the health probes (<c>GET /</c>) started towards the watched port.</summary>
    internal int Probes => Volatile.Read(ref _probes);

    /// <summary>Gets the TCP connects that failed (a refused port is the only cause in these runs).</summary>
    internal int ConnectsFailed => Volatile.Read(ref _connectsFailed);

    /// <summary>Gets the TCP connects started to any address.</summary>
    internal int ConnectsStarted => Volatile.Read(ref _connectsStarted);

    /// <summary>Starts counting afresh for requests towards <paramref name="port"/>.</summary>
    internal void Reset(int port)
    {
        Volatile.Write(ref _watchedPort, port);
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _probes, 0);
        Interlocked.Exchange(ref _connectsFailed, 0);
        Interlocked.Exchange(ref _connectsStarted, 0);
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name is "System.Net.Http" or "System.Net.Sockets")
        {
            EnableEvents(eventSource, EventLevel.Informational);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        switch (eventData.EventName)
        {
            case "ConnectStart":
                Interlocked.Increment(ref _connectsStarted);
                break;
            case "ConnectFailed":
                Interlocked.Increment(ref _connectsFailed);
                break;
            case "RequestStart" when eventData.EventSource.Name == "System.Net.Http":
                CountRequest(eventData);
                break;
        }
    }

    private void CountRequest(EventWrittenEventArgs eventData)
    {
        var names = eventData.PayloadNames;
        var payload = eventData.Payload;
        if (names is null || payload is null)
        {
            return;
        }

        var port = payload[names.IndexOf("port")] is int p ? p : -1;
        if (port != Volatile.Read(ref _watchedPort))
        {
            return;
        }

        var isProbe = payload[names.IndexOf("pathAndQuery")] is "/";
        Interlocked.Increment(ref isProbe ? ref _probes : ref _requests);
    }
}
