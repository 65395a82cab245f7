using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace BackendAI.Client.Tests.Support;

/// <summary>
/// Sends exact request bytes over a fresh TCP connection and reads the answer until the server closes.
/// </summary>
public static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> to <paramref name="server"/> and parses the response.</summary>
    public static async Task<RawHttpResponse> SendAsync(
        Uri server, byte[] request, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        NetworkStream stream = client.GetStream();
        await stream.WriteAsync(request, cancellationToken);

        using var received = new MemoryStream();
        await stream.CopyToAsync(received, cancellationToken);
        return Parse(received.ToArray());
    }

    /// <summary>Parses a complete HTTP/1.x response (identity, Content-Length or chunked body).</summary>
    public static RawHttpResponse Parse(byte[] bytes)
    {
        int headEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
        {
            throw new InvalidDataException($"No complete response head in {bytes.Length} bytes.");
        }

        string[] lines = Encoding.Latin1.GetString(bytes, 0, headEnd).Split("\r\n");
        int status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .Select(pair => new KeyValuePair<string, string>(pair[0].Trim(), pair[1].Trim()))
            .ToList();

        byte[] body = bytes[(headEnd + 4)..];
        bool chunked = headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
            && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase));
        return new RawHttpResponse(status, headers, chunked ? Dechunk(body) : body);
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream();
        int at = 0;
        while (true)
        {
            int lineEnd = body.AsSpan(at).IndexOf("\r\n"u8) + at;
            string sizeText = Encoding.ASCII.GetString(body, at, lineEnd - at).Split(';')[0];
            int size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return output.ToArray();
            }

            output.Write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
