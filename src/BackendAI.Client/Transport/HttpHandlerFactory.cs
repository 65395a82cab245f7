using System.Diagnostics.CodeAnalysis;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using BackendAI.Client.Configuration;

namespace BackendAI.Client.Transport;

/// <summary>Builds the one HTTP handler a client uses, from the configuration's transport settings.</summary>
internal static class HttpHandlerFactory
{
    /// <summary>
    /// Creates a handler: no redirects, no automatic cookies, the connect timeout and TLS policy applied.
    /// </summary>
    /// <param name="config">The configuration.</param>
    /// <returns>The handler; the caller owns it.</returns>
    [SuppressMessage("Security", "CA5359", Justification =
        "Used only when the operator sets BACKEND_SKIP_SSLCERT_VALIDATION; certificates are verified by default.")]
    internal static SocketsHttpHandler Create(ApiConfig config)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,

            // Header values go out as UTF-8, as the Python client sends them: a domain such as '도메인' is valid.
            RequestHeaderEncodingSelector = static (_, _) => Encoding.UTF8,
            UseCookies = false,
            ConnectTimeout = config.ConnectionTimeout > TimeSpan.Zero
                ? config.ConnectionTimeout
                : Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectCallback = ConnectAsync,
            PlaintextStreamFilter = ConnectionReady,
        };

        if (config.SkipSslCertValidation)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = AcceptAnyCertificate,
            };
        }

        return handler;
    }

    private static bool AcceptAnyCertificate(
        object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

    /// <summary>
    /// Opens the TCP connection and tells the attempt when connecting starts, so a failure here is known to
    /// have happened before any byte of the request left.
    /// </summary>
    private static async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        context.InitialRequestMessage.Options.TryGetValue(AttemptState.Key, out var attempt);
        attempt?.ConnectStarting();

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ConnectFailedException(ex);
        }
        catch
        {
            // Cancelled: the handler turns this into its connect-timeout or cancellation error itself.
            socket.Dispose();
            throw;
        }

        return new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>
    /// Runs once the connection is ready for HTTP (after the TLS handshake for https): connecting, which the
    /// connect timeout bounds, ends here, and the read timeout may start.
    /// </summary>
    private static ValueTask<Stream> ConnectionReady(
        SocketsHttpPlaintextStreamFilterContext context, CancellationToken cancellationToken)
    {
        context.InitialRequestMessage.Options.TryGetValue(AttemptState.Key, out var attempt);
        attempt?.ConnectCompleted();
        return ValueTask.FromResult(context.PlaintextStream);
    }
}
