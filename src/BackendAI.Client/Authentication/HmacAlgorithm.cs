using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace BackendAI.Client.Authentication;

/// <summary>One of the hash functions the manager accepts for request signatures, used as an HMAC.</summary>
internal abstract class HmacAlgorithm
{
    private static readonly Dictionary<string, HmacAlgorithm> Algorithms = CreateAll();

    private protected HmacAlgorithm(string name, int digestSize, string emptyDigestHex)
    {
        Name = name;
        SignMethod = "HMAC-" + name.ToUpperInvariant();
        DigestSize = digestSize;
        EmptyDigestHex = emptyDigestHex;
    }

    /// <summary>Gets the lower-case hash name as the manager spells it (<c>sha256</c>, <c>sha3_256</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the <c>signMethod</c> value of the <c>Authorization</c> header (<c>HMAC-SHA256</c>).</summary>
    public string SignMethod { get; }

    /// <summary>Gets the size of a digest in bytes.</summary>
    public int DigestSize { get; }

    /// <summary>Gets the lower-case hex digest of the empty byte string (last line of the string to sign).</summary>
    public string EmptyDigestHex { get; }

    /// <summary>Gets the names of every supported hash, lower-case.</summary>
    public static IReadOnlyCollection<string> Names => Algorithms.Keys;

    /// <summary>Finds the algorithm for a hash name (case-insensitive, invariant).</summary>
    public static bool TryGet(string? name, [NotNullWhen(true)] out HmacAlgorithm? algorithm)
    {
        algorithm = null;
        return name is not null && Algorithms.TryGetValue(name, out algorithm);
    }

    /// <summary>Creates an HMAC keyed with <paramref name="key"/>, for signing many messages with one key.</summary>
    public abstract HmacKeyed CreateKeyed(ReadOnlySpan<byte> key);

    /// <summary>Computes <c>HMAC(key, data)</c> into <paramref name="destination"/> (DigestSize bytes).</summary>
    public abstract void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination);

    private static Dictionary<string, HmacAlgorithm> CreateAll()
    {
        var all = new HmacAlgorithm[]
        {
            CreateMd5(),
            CreateSha1(),
            HmacBouncyCastleAlgorithm.Create("sha224", static () => new Sha224Digest()),
            new HmacPlatformAlgorithm("sha256", HashAlgorithmName.SHA256, HMACSHA256.HashData, SHA256.HashData),
            new HmacPlatformAlgorithm("sha384", HashAlgorithmName.SHA384, HMACSHA384.HashData, SHA384.HashData),
            new HmacPlatformAlgorithm("sha512", HashAlgorithmName.SHA512, HMACSHA512.HashData, SHA512.HashData),
            HmacBouncyCastleAlgorithm.Create("sha3_224", static () => new Sha3Digest(224)),
            HMACSHA3_256.IsSupported
                ? new HmacPlatformAlgorithm(
                    "sha3_256", HashAlgorithmName.SHA3_256, HMACSHA3_256.HashData, SHA3_256.HashData)
                : HmacBouncyCastleAlgorithm.Create("sha3_256", static () => new Sha3Digest(256)),
            HMACSHA3_384.IsSupported
                ? new HmacPlatformAlgorithm(
                    "sha3_384", HashAlgorithmName.SHA3_384, HMACSHA3_384.HashData, SHA3_384.HashData)
                : HmacBouncyCastleAlgorithm.Create("sha3_384", static () => new Sha3Digest(384)),
            HMACSHA3_512.IsSupported
                ? new HmacPlatformAlgorithm(
                    "sha3_512", HashAlgorithmName.SHA3_512, HMACSHA3_512.HashData, SHA3_512.HashData)
                : HmacBouncyCastleAlgorithm.Create("sha3_512", static () => new Sha3Digest(512)),
            HmacBouncyCastleAlgorithm.Create("blake2b", static () => new Blake2bDigest(512)),
            HmacBouncyCastleAlgorithm.Create("blake2s", static () => new Blake2sDigest(256)),
        };

        return all.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
    }

    // The manager offers md5 and sha1 for signatures; using them is the caller's configured choice.
    [SuppressMessage("Security", "CA5351", Justification = "Protocol-defined hash, chosen by configuration.")]
    private static HmacPlatformAlgorithm CreateMd5() =>
        new("md5", HashAlgorithmName.MD5, HMACMD5.HashData, MD5.HashData);

    [SuppressMessage("Security", "CA5350", Justification = "Protocol-defined hash, chosen by configuration.")]
    private static HmacPlatformAlgorithm CreateSha1() =>
        new("sha1", HashAlgorithmName.SHA1, HMACSHA1.HashData, SHA1.HashData);
}
