using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BackendAI.Client.Tests.Support;

/// <summary>
/// A bare HTTP/1.1 server on <c>127.0.0.1</c> that answers the first request of every connection with a keep-alive
/// <c>200</c>, and closes the connection gracefully (FIN, no answer) after reading the second one: what a server
/// does when its keep-alive idle timeout fires just as a pooled connection is reused. The HTTP stack sees a clean
/// end of stream before any answer byte, the case in which it would resend the request by itself.
/// </summary>
internal sealed class ClosingKeepAliveServer : IAsyncDisposable
{
    private static readonly byte[] Answer = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
        + "Connection: keep-alive\r\n\r\n{}");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ClosingServerRequest> _requests = new();
    private readonly List<Task> _connections = [];
    private readonly Task _acceptLoop;
    private int _connectionCount;

    public ClosingKeepAliveServer()
    {
        _listener.Start();
        BaseAddress = new Uri(string.Create(
            CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/"));
        _acceptLoop = AcceptAsync();
    }

    /// <summary>Gets the server's address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the requests received, in arrival order.</summary>
    public IReadOnlyList<ClosingServerRequest> Requests => [.. _requests];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        Task[] running;
        lock (_connections)
        {
            running = [.. _connections];
        }

        await Task.WhenAll(running);
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
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                return;
            }

            var number = Interlocked.Increment(ref _connectionCount);
            lock (_connections)
            {
                _connections.Add(ServeAsync(socket, number));
            }
        }
    }

    private async Task ServeAsync(Socket socket, int connection)
    {
        using (socket)
        {
            try
            {
                var reader = new RequestReader(socket);
                for (var served = 0; ; served++)
                {
                    var request = await reader.ReadAsync(connection, _stop.Token);
                    if (request is null)
                    {
                        return;
                    }

                    _requests.Enqueue(request);
                    if (served > 0)
                    {
                        socket.Shutdown(SocketShutdown.Both);
                        return;
                    }

                    await socket.SendAsync(Answer, _stop.Token);
                }
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
            {
                // The client went away or the server is stopping.
            }
        }
    }

    /// <summary>Reads request heads and bodies off one connection.</summary>
    private sealed class RequestReader(Socket socket)
    {
        private readonly byte[] _buffer = new byte[8192];
        private readonly List<byte> _pending = [];

        public async Task<ClosingServerRequest?> ReadAsync(int connection, CancellationToken cancellationToken)
        {
            int headEnd;
            while ((headEnd = IndexOfHeadEnd()) < 0)
            {
                if (!await FillAsync(cancellationToken))
                {
                    return null;
                }
            }

            var head = Encoding.ASCII.GetString([.. _pending.GetRange(0, headEnd)]);
            _pending.RemoveRange(0, headEnd + 4);
            var lines = head.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var length = lines.Skip(1)
                .Select(line => line.Split(':', 2))
                .Where(pair => pair[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                .Select(pair => int.Parse(pair[1].Trim(), CultureInfo.InvariantCulture))
                .FirstOrDefault();

            while (_pending.Count < length)
            {
                if (!await FillAsync(cancellationToken))
                {
                    return new ClosingServerRequest(connection, requestLine[0], requestLine[1], Complete: false);
                }
            }

            _pending.RemoveRange(0, length);
            return new ClosingServerRequest(connection, requestLine[0], requestLine[1], Complete: true);
        }

        private int IndexOfHeadEnd()
        {
            ReadOnlySpan<byte> end = "\r\n\r\n"u8;
            for (var i = 0; i + end.Length <= _pending.Count; i++)
            {
                if (_pending[i] == end[0] && _pending[i + 1] == end[1] && _pending[i + 2] == end[2]
                    && _pending[i + 3] == end[3])
                {
                    return i;
                }
            }

            return -1;
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            var read = await socket.ReceiveAsync(_buffer, cancellationToken);
            _pending.AddRange(_buffer.AsSpan(0, read));
            return read > 0;
        }
    }
}
