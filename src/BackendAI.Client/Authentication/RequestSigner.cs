using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace BackendAI.Client.Authentication;

/// <summary>
/// Signs requests with a Backend.AI keypair. The signature is computed from the final request message, from
/// the values that go on the wire: method, request-target, date header, <c>Host</c>, media type and API version.
/// One instance is safe for concurrent use.
/// </summary>
public sealed class RequestSigner
{
    private const string AuthorizationHeader = "Authorization";
    private const int StackChars = 512;

    private readonly HmacAlgorithm _algorithm;
    private readonly byte[] _secret;
    private readonly string _authorizationPrefix;
    private readonly SignatureKeyCache _keys = new();

    /// <summary>Initializes a new instance of the <see cref="RequestSigner"/> class.</summary>
    /// <param name="accessKey">The access key, written into the <c>Authorization</c> header as given.</param>
    /// <param name="secretKey">The secret key; it is used as UTF-8 and never shown.</param>
    /// <param name="hashType">The hash name (see <see cref="SignatureCalculator.IsSupported"/>), any case.</param>
    /// <exception cref="ArgumentException">A key is empty or the hash type is not supported.</exception>
    public RequestSigner(string accessKey, string secretKey, string hashType)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKey);
        ArgumentNullException.ThrowIfNull(secretKey);
        if (secretKey.Length == 0)
        {
            throw new ArgumentException(
                "The secret key must not be empty when an access key is given.", nameof(secretKey));
        }

        _algorithm = SignatureCalculator.GetAlgorithm(hashType, nameof(hashType));
        _secret = Encoding.UTF8.GetBytes(secretKey);
        _authorizationPrefix = SignatureCalculator.AuthorizationPrefix(accessKey, _algorithm);
    }

    /// <summary>Gets the lower-case name of the hash in use.</summary>
    public string HashType => _algorithm.Name;

    /// <summary>
    /// Sets the <c>Authorization</c> header of <paramref name="request"/>, replacing any earlier one. Call it last,
    /// once the URI and every header are final: the date is the raw <c>Date</c> header, else
    /// <c>X-BackendAI-Date</c> (the manager's order; empty values count as absent); the host is the explicit
    /// <c>Host</c> header, else the URI's punycode host with its port unless it is the scheme's default.
    /// </summary>
    /// <param name="request">The request to sign, with an absolute <see cref="HttpRequestMessage.RequestUri"/>.</param>
    /// <exception cref="InvalidOperationException">The URI, the date or the API version header is missing, or the
    /// date has no readable calendar day.</exception>
    public void Sign(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Uri uri = request.RequestUri is { IsAbsoluteUri: true } absolute
            ? absolute
            : throw new InvalidOperationException("The request to sign has no absolute RequestUri.");
        HttpRequestHeaders headers = request.Headers;
        string date = RawHeader(headers, "Date") ?? RawHeader(headers, "X-BackendAI-Date")
            ?? throw new InvalidOperationException(
                "The request to sign has no X-BackendAI-Date or Date header; set the date before signing.");
        string version = RawHeader(headers, "X-BackendAI-Version")
            ?? throw new InvalidOperationException(
                "The request to sign has no X-BackendAI-Version header; set the API version before signing.");
        // An empty Content-Type header is still a header: the manager reads it as text/plain, not as absent.
        string? contentType = request.Content is null
            ? null
            : RawHeader(request.Content.Headers, "Content-Type", emptyIsAbsent: false);

        Span<byte> day = stackalloc byte[SignatureDay.Length];
        if (!SignatureDay.TryWrite(date, day))
        {
            throw new InvalidOperationException(
                $"The request's date header '{date}' has no readable calendar day; use ISO 8601 or RFC 1123.");
        }

        Span<char> hostBuffer = stackalloc char[StackChars];
        ReadOnlySpan<char> host = headers.Host is { Length: > 0 } explicitHost
            ? explicitHost
            : WireHost(uri, hostBuffer);
        SignatureKeyCache.Entry key = _keys.GetOrAdd(day, host, _algorithm, _secret);

        var parts = new SignatureParts(
            request.Method.Method, uri.PathAndQuery, date, host,
            SignatureCalculator.MediaTypeSpan(contentType), version);
        Span<byte> signature = stackalloc byte[_algorithm.DigestSize];
        SignParts(parts, key, signature);

        Span<char> hex = stackalloc char[signature.Length * 2];
        Convert.TryToHexStringLower(signature, hex, out _);
        string authorization = string.Concat(_authorizationPrefix, hex);
        headers.Remove(AuthorizationHeader);
        headers.TryAddWithoutValidation(AuthorizationHeader, authorization);
    }

    private void SignParts(SignatureParts parts, SignatureKeyCache.Entry key, Span<byte> signature)
    {
        int length = parts.GetLength(_algorithm);
        char[]? rented = length > StackChars ? ArrayPool<char>.Shared.Rent(length) : null;
        Span<char> text = (rented ?? stackalloc char[StackChars])[..length];
        parts.Write(text, _algorithm);
        SignatureCalculator.Sign(key, text, signature);

        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Returns the Host header SocketsHttpHandler sends for <paramref name="uri"/> when none is set.
    /// </summary>
    private static ReadOnlySpan<char> WireHost(Uri uri, Span<char> buffer)
    {
        string host = uri.IdnHost;
        if (uri.HostNameType == UriHostNameType.IPv6 && !host.StartsWith('['))
        {
            host = "[" + host + "]";
        }

        if (uri.IsDefaultPort)
        {
            return host;
        }

        return buffer.TryWrite(CultureInfo.InvariantCulture, $"{host}:{uri.Port}", out int written)
            ? buffer[..written]
            : string.Create(CultureInfo.InvariantCulture, $"{host}:{uri.Port}");
    }

    private static string? RawHeader(HttpHeaders headers, string name, bool emptyIsAbsent = true)
    {
        if (!headers.NonValidated.TryGetValues(name, out HeaderStringValues values))
        {
            return null;
        }

        string value = values.ToString();
        return value.Length == 0 && emptyIsAbsent ? null : value;
    }
}
