using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace BackendAI.Client.Tests.Support;

/// <summary>
/// An HTTPS server on <c>127.0.0.1</c> that waits before its side of the TLS handshake, then reads one request
/// per connection and answers <c>200 {}</c>: a slow handshake, which the connect timeout bounds and the read
/// timeout must not.
/// </summary>
internal sealed class SlowHandshakeServer : IAsyncDisposable
{
    private static readonly byte[] Answer = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly X509Certificate2 _certificate;
    private readonly TimeSpan _delay;
    private readonly Task _acceptLoop;
    private int _answered;

    public SlowHandshakeServer(X509Certificate2 certificate, TimeSpan delay)
    {
        _certificate = certificate;
        _delay = delay;
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{port}/"));
        _acceptLoop = AcceptAsync();
    }

    /// <summary>Gets the address, <c>https://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the number of requests read whole and answered.</summary>
    public int Answered => Volatile.Read(ref _answered);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await Task.Delay(_delay, _stop.Token);
                await using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(_certificate);
                await ReadRequestAsync(tls);
                await tls.WriteAsync(Answer, _stop.Token);
                Interlocked.Increment(ref _answered);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException
                or System.Security.Authentication.AuthenticationException)
            {
                // The client gave up or the server is stopping.
            }
        }
    }

    private async Task ReadRequestAsync(Stream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                throw new IOException("The client closed the connection before the request head ended.");
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString([.. received.GetRange(0, headEnd)]);
        var length = head.Split("\r\n")
            .Select(line => line.Split(':', 2))
            .Where(pair => pair[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(pair => int.Parse(pair[1].Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var bodyReceived = received.Count - headEnd - 4;
        while (bodyReceived < length)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                throw new IOException("The client closed the connection before the request body ended.");
            }

            bodyReceived += read;
        }
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
        return span.IndexOf("\r\n\r\n"u8);
    }
}
