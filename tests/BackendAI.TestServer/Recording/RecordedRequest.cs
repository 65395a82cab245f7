using System.Buffers;
using System.Globalization;

namespace BackendAI.TestServer.Recording;

/// <summary>One request as the server received it.</summary>
public sealed class RecordedRequest
{
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _body = new();
    private int? _status;

    internal RecordedRequest(
        string connectionId, string method, string rawTarget, string protocol,
        IReadOnlyList<KeyValuePair<string, string>> headers, DateTimeOffset receivedAt)
    {
        ConnectionId = connectionId;
        Method = method;
        RawTarget = rawTarget;
        Protocol = protocol;
        Headers = headers;
        ReceivedAt = receivedAt;
    }

    /// <summary>Gets the id of the TCP connection the request came on.</summary>
    public string ConnectionId { get; }

    /// <summary>Gets the method as sent.</summary>
    public string Method { get; }

    /// <summary>Gets the request-target exactly as sent (path and query, escapes untouched).</summary>
    public string RawTarget { get; }

    /// <summary>Gets the protocol (<c>HTTP/1.1</c>).</summary>
    public string Protocol { get; }

    /// <summary>Gets the headers, one entry per value, names as sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Gets the server time (skew included) at which the request arrived.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Gets the body bytes received so far (up to the recording limit).</summary>
    public byte[] Body
    {
        get
        {
            lock (_gate)
            {
                return _body.WrittenSpan.ToArray();
            }
        }
    }

    /// <summary>Gets the status code answered, or null while the request is running or when it was aborted.</summary>
    public int? Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>Returns the first value of header <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name)
    {
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Method} {RawTarget} {Protocol} -> {Status?.ToString(CultureInfo.InvariantCulture) ?? "-"}";

    internal void AppendBody(ReadOnlySpan<byte> bytes, int limit)
    {
        lock (_gate)
        {
            int room = Math.Max(0, limit - _body.WrittenCount);
            _body.Write(bytes[..Math.Min(room, bytes.Length)]);
        }
    }

    internal void Complete(int status)
    {
        lock (_gate)
        {
            _status = status;
        }
    }
}
