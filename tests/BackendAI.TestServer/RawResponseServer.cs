using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace BackendAI.TestServer;

/// <summary>
/// A bare TCP listener on <c>127.0.0.1</c> that answers every request with exactly the bytes it is given (for
/// responses Kestrel cannot produce, such as a malformed status line), then closes the connection.
/// </summary>
public sealed class RawResponseServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private byte[] _response;
    private int _connections;

    private RawResponseServer(byte[] response)
    {
        _response = response;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = AcceptAsync();
    }

    /// <summary>Gets the server's address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets or sets the bytes written after each request head is read.</summary>
    public byte[] Response
    {
        get => Volatile.Read(ref _response);
        set => Volatile.Write(ref _response, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Gets the number of TCP connections accepted so far.</summary>
    public int AcceptedConnections => Volatile.Read(ref _connections);

    /// <summary>Starts a server answering with <paramref name="response"/>.</summary>
    public static RawResponseServer Start(byte[] response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new RawResponseServer(response);
    }

    /// <summary>Starts a server answering with the UTF-8 bytes of <paramref name="response"/>.</summary>
    public static RawResponseServer Start(string response) => Start(Encoding.UTF8.GetBytes(response));

    /// <summary>Stops listening and waits for the accept loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
            // Stopping is the expected way out of the loop.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (SocketException) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = AnswerAsync(socket);
        }
    }

    private async Task AnswerAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                var head = new List<byte>();
                var buffer = new byte[4096];
                while (!EndsHead(head))
                {
                    int read = await socket.ReceiveAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    head.AddRange(buffer.AsSpan(0, read));
                }

                await socket.SendAsync(Response, _stop.Token);
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                // The client went away or the server is stopping; nothing to answer.
            }
        }
    }

    private static bool EndsHead(List<byte> bytes) => CollectionsMarshal.AsSpan(bytes).IndexOf("\r\n\r\n"u8) >= 0;
}
