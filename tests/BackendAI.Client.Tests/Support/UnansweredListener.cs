using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BackendAI.Client.Tests.Support;

/// <summary>
/// A loopback port where connecting hangs: a listener with a backlog of one that never accepts, its queue already
/// filled by a connection of its own, so the kernel drops further connection attempts instead of refusing them.
/// </summary>
internal sealed class UnansweredListener : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _fillers = [];

    public UnansweredListener()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
        var port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        Address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));

        // Fill the accept queue. A loopback connect that fits completes at once; the first still pending after a
        // second (a generous bound) found the queue full and is abandoned.
        for (var i = 0; i < 8; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _fillers.Add(filler);
            var connect = filler.ConnectAsync(IPAddress.Loopback, port);
            if (!connect.Wait(TimeSpan.FromSeconds(1)))
            {
                return;
            }
        }

        throw new InvalidOperationException(
            "The listener's queue never filled; connection attempts would not hang.");
    }

    /// <summary>Gets the address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Address { get; }

    public void Dispose()
    {
        foreach (var filler in _fillers)
        {
            filler.Dispose();
        }

        _listener.Dispose();
    }
}
