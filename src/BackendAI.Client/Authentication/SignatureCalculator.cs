using System.Buffers;
using System.Text;

namespace BackendAI.Client.Authentication;

/// <summary>
/// Computes the parts of a Backend.AI request signature from the values a request carries on the wire:
/// the string to sign, the HMAC signature and the <c>Authorization</c> header value.
/// </summary>
public static class SignatureCalculator
{
    /// <summary>The media type signed when a request has no <c>Content-Type</c> header.</summary>
    private const string AbsentMediaType = "application/octet-stream";

    /// <summary>The media type the manager assumes for a value without exactly one <c>/</c>.</summary>
    private const string MalformedMediaType = "text/plain";

    // Requests whose string to sign fits here are signed without renting buffers.
    private const int StackChars = 512;

    /// <summary>
    /// Gets a value indicating whether <paramref name="hashType"/> names a hash the manager accepts for
    /// signatures (md5, sha1, sha224, sha256, sha384, sha512, sha3_224, sha3_256, sha3_384, sha3_512, blake2b,
    /// blake2s; case-insensitive).
    /// </summary>
    /// <param name="hashType">The hash name as configured.</param>
    /// <returns><see langword="true"/> when the hash is supported.</returns>
    public static bool IsSupported(string hashType) => HmacAlgorithm.TryGet(hashType, out _);

    /// <summary>
    /// Gets the media type the manager signs for a <c>Content-Type</c> header value: the part before the first
    /// <c>;</c>, trimmed and lower-cased; <c>application/octet-stream</c> when the header is absent
    /// (<see langword="null"/>); <c>text/plain</c> when the value does not hold exactly one <c>/</c>.
    /// </summary>
    /// <param name="contentTypeHeader">The raw header value as sent, or <see langword="null"/> when absent.</param>
    /// <returns>The media type that enters the string to sign.</returns>
    public static string MediaTypeOf(string? contentTypeHeader)
    {
        ReadOnlySpan<char> mediaType = MediaTypeSpan(contentTypeHeader);
        return mediaType.ToString().ToLowerInvariant();
    }

    /// <summary>Builds the string to sign (seven lines joined by <c>\n</c>) from the request's wire values.</summary>
    /// <param name="method">The request method; it is upper-cased.</param>
    /// <param name="target">The request-target exactly as sent (path and query, escapes untouched).</param>
    /// <param name="date">The date header value exactly as sent.</param>
    /// <param name="host">The <c>Host</c> header exactly as sent.</param>
    /// <param name="mediaType">The media type, as <see cref="MediaTypeOf"/> returns it; it is lower-cased.</param>
    /// <param name="version">The <c>X-BackendAI-Version</c> header value.</param>
    /// <param name="hashType">The hash name, which selects the digest of the empty body on the last line.</param>
    /// <returns>The string to sign.</returns>
    /// <exception cref="ArgumentException"><paramref name="hashType"/> is not supported.</exception>
    public static string BuildStringToSign(
        string method, string target, string date, string host, string mediaType, string version, string hashType)
    {
        HmacAlgorithm algorithm = GetAlgorithm(hashType);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(date);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(mediaType);
        ArgumentNullException.ThrowIfNull(version);
        return new SignatureParts(method, target, date, host, mediaType, version).ToString(algorithm);
    }

    /// <summary>
    /// Computes the lower-case hex signature of <paramref name="stringToSign"/>: the key is
    /// <c>HMAC(HMAC(secret, yyyymmdd), host)</c>, where <c>yyyymmdd</c> is the calendar day written in
    /// <paramref name="date"/> itself (ISO 8601 or RFC 1123).
    /// </summary>
    /// <param name="secretKey">The secret key, used as UTF-8.</param>
    /// <param name="hashType">The hash name (see <see cref="IsSupported"/>).</param>
    /// <param name="date">The date header value exactly as sent.</param>
    /// <param name="host">The <c>Host</c> header exactly as sent.</param>
    /// <param name="stringToSign">The string to sign.</param>
    /// <returns>The signature in lower-case hex.</returns>
    /// <exception cref="ArgumentException">The hash is not supported or the date has no readable day.</exception>
    public static string ComputeSignature(
        string secretKey, string hashType, string date, string host, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(date);
        Span<byte> day = stackalloc byte[SignatureDay.Length];
        if (!SignatureDay.TryWrite(date, day))
        {
            throw new ArgumentException(
                $"The date '{date}' has no readable calendar day; use ISO 8601 or RFC 1123.", nameof(date));
        }

        return ComputeSignature(secretKey, hashType, day, host, stringToSign);
    }

    /// <summary>Formats the <c>Authorization</c> header value for a signature.</summary>
    /// <param name="accessKey">The access key, written as given.</param>
    /// <param name="hashType">The hash name; it is upper-cased into <c>signMethod=HMAC-…</c>.</param>
    /// <param name="signature">The signature in lower-case hex.</param>
    /// <returns>
    /// <c>BackendAI signMethod=HMAC-&lt;HASH&gt;, credential=&lt;access key&gt;:&lt;signature&gt;</c>.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="hashType"/> is not supported.</exception>
    public static string FormatAuthorization(string accessKey, string hashType, string signature)
    {
        ArgumentNullException.ThrowIfNull(accessKey);
        ArgumentNullException.ThrowIfNull(signature);
        return AuthorizationPrefix(accessKey, GetAlgorithm(hashType)) + signature;
    }

    /// <summary>Computes a signature with an explicit key day (<c>yyyymmdd</c> as ASCII digits).</summary>
    internal static string ComputeSignature(
        string secretKey, string hashType, ReadOnlySpan<byte> day, string host, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(stringToSign);
        HmacAlgorithm algorithm = GetAlgorithm(hashType);

        Span<byte> key = stackalloc byte[algorithm.DigestSize];
        DeriveKey(algorithm, Encoding.UTF8.GetBytes(secretKey), day, host, key);

        Span<byte> signature = stackalloc byte[algorithm.DigestSize];
        Sign(algorithm, key, stringToSign, signature);
        return Convert.ToHexStringLower(signature);
    }

    /// <summary>Returns the header text that precedes the signature.</summary>
    internal static string AuthorizationPrefix(string accessKey, HmacAlgorithm algorithm) =>
        $"BackendAI signMethod={algorithm.SignMethod}, credential={accessKey}:";

    /// <summary>Finds the algorithm for a hash name or throws an exception naming it.</summary>
    internal static HmacAlgorithm GetAlgorithm(string hashType, string parameterName = "hashType")
    {
        ArgumentNullException.ThrowIfNull(hashType, parameterName);
        if (HmacAlgorithm.TryGet(hashType, out HmacAlgorithm? algorithm))
        {
            return algorithm;
        }

        throw new ArgumentException(
            $"The hash type '{hashType}' is not supported for request signatures; use one of: "
            + string.Join(", ", HmacAlgorithm.Names) + ".",
            parameterName);
    }

    /// <summary>Returns the media type as a slice of the header (or a constant), not yet lower-cased.</summary>
    internal static ReadOnlySpan<char> MediaTypeSpan(string? contentTypeHeader)
    {
        if (contentTypeHeader is null)
        {
            return AbsentMediaType;
        }

        ReadOnlySpan<char> value = contentTypeHeader;
        int semicolon = value.IndexOf(';');
        if (semicolon >= 0)
        {
            value = value[..semicolon];
        }

        value = value.Trim();
        return value.Count('/') == 1 ? value : MalformedMediaType;
    }

    /// <summary>Computes <c>HMAC(HMAC(secret, day), host)</c> into <paramref name="key"/>.</summary>
    internal static void DeriveKey(
        HmacAlgorithm algorithm, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> day, ReadOnlySpan<char> host,
        Span<byte> key)
    {
        Span<byte> dayKey = stackalloc byte[algorithm.DigestSize];
        algorithm.Compute(secret, day, dayKey);

        int hostBytes = Encoding.UTF8.GetByteCount(host);
        byte[]? rented = hostBytes > StackChars ? ArrayPool<byte>.Shared.Rent(hostBytes) : null;
        Span<byte> hostUtf8 = rented ?? stackalloc byte[StackChars];
        int written = Encoding.UTF8.GetBytes(host, hostUtf8);
        algorithm.Compute(dayKey, hostUtf8[..written], key);

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Computes <c>HMAC(key, UTF-8 of the string to sign)</c> into <paramref name="signature"/>.</summary>
    internal static void Sign(
        HmacAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<char> stringToSign, Span<byte> signature)
    {
        byte[]? rented = null;
        Span<byte> utf8 = Utf8(stringToSign, stackalloc byte[StackChars * 2], ref rented);
        algorithm.Compute(key, utf8, signature);
        Return(rented);
    }

    /// <summary>Computes the HMAC of a cached key over the string to sign into <paramref name="signature"/>.</summary>
    internal static void Sign(SignatureKeyCache.Entry key, ReadOnlySpan<char> stringToSign, Span<byte> signature)
    {
        byte[]? rented = null;
        Span<byte> utf8 = Utf8(stringToSign, stackalloc byte[StackChars * 2], ref rented);
        key.Sign(utf8, signature);
        Return(rented);
    }

    private static Span<byte> Utf8(ReadOnlySpan<char> text, Span<byte> stackBuffer, ref byte[]? rented)
    {
        int length = Encoding.UTF8.GetByteCount(text);
        Span<byte> buffer = length <= stackBuffer.Length
            ? stackBuffer
            : rented = ArrayPool<byte>.Shared.Rent(length);
        return buffer[..Encoding.UTF8.GetBytes(text, buffer)];
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
