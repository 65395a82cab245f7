using System.Buffers;

namespace BackendAI.Client.Authentication;

/// <summary>The wire values that make up a string to sign, written without intermediate strings.</summary>
internal readonly ref struct SignatureParts
{
    private const string HostLabel = "host:";
    private const string ContentTypeLabel = "content-type:";
    private const string VersionLabel = "x-backendai-version:";

    private readonly ReadOnlySpan<char> _method;
    private readonly ReadOnlySpan<char> _target;
    private readonly ReadOnlySpan<char> _date;
    private readonly ReadOnlySpan<char> _host;
    private readonly ReadOnlySpan<char> _mediaType;
    private readonly ReadOnlySpan<char> _version;

    public SignatureParts(
        ReadOnlySpan<char> method, ReadOnlySpan<char> target, ReadOnlySpan<char> date, ReadOnlySpan<char> host,
        ReadOnlySpan<char> mediaType, ReadOnlySpan<char> version)
    {
        _method = method;
        _target = target;
        _date = date;
        _host = host;
        _mediaType = mediaType;
        _version = version;
    }

    /// <summary>Builds the string to sign as a string.</summary>
    public string ToString(HmacAlgorithm algorithm)
    {
        int length = GetLength(algorithm);
        char[]? rented = length > 512 ? ArrayPool<char>.Shared.Rent(length) : null;
        Span<char> buffer = (rented ?? stackalloc char[512])[..length];
        Write(buffer, algorithm);
        var result = new string(buffer);

        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>Gets the length in characters of the string to sign.</summary>
    public int GetLength(HmacAlgorithm algorithm) =>
        _method.Length + _target.Length + _date.Length + HostLabel.Length + _host.Length
        + ContentTypeLabel.Length + _mediaType.Length + VersionLabel.Length + _version.Length
        + algorithm.EmptyDigestHex.Length + 6;

    /// <summary>Writes the string to sign; <paramref name="destination"/> holds exactly GetLength characters.</summary>
    public void Write(Span<char> destination, HmacAlgorithm algorithm)
    {
        int at = _method.ToUpperInvariant(destination);
        destination[at++] = '\n';
        at += Append(destination[at..], _target);
        at += Append(destination[at..], _date);
        at += Append(destination[at..], HostLabel, _host);

        ContentTypeLabel.CopyTo(destination[at..]);
        at += ContentTypeLabel.Length;
        at += _mediaType.ToLowerInvariant(destination[at..]);
        destination[at++] = '\n';

        at += Append(destination[at..], VersionLabel, _version);
        algorithm.EmptyDigestHex.CopyTo(destination[at..]);
    }

    private static int Append(Span<char> destination, ReadOnlySpan<char> value)
    {
        value.CopyTo(destination);
        destination[value.Length] = '\n';
        return value.Length + 1;
    }

    private static int Append(Span<char> destination, ReadOnlySpan<char> label, ReadOnlySpan<char> value)
    {
        label.CopyTo(destination);
        value.CopyTo(destination[label.Length..]);
        destination[label.Length + value.Length] = '\n';
        return label.Length + value.Length + 1;
    }
}
