using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace BackendAI.TestServer.Verification;

/// <summary>
/// The manager's HMAC computations, written independently of the library's signer so that each checks the
/// other. Every hash goes through BouncyCastle except those .NET offers without conditions.
/// </summary>
internal static class ManagerHmac
{
    /// <summary>The names Python's <c>hashlib.algorithms_guaranteed</c> lists (the manager's accepted set).</summary>
    public static readonly IReadOnlySet<string> Guaranteed = new HashSet<string>(StringComparer.Ordinal)
    {
        "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512",
        "shake_128", "shake_256", "blake2b", "blake2s",
    };

    /// <summary>
    /// Gets a value indicating whether the hash has a fixed-size digest (the shake functions do not).
    /// </summary>
    public static bool HasFixedDigest(string hashType) =>
        Guaranteed.Contains(hashType) && !hashType.StartsWith("shake", StringComparison.Ordinal);

    /// <summary>Returns the hex digest of the empty byte string.</summary>
    public static string EmptyDigestHex(string hashType)
    {
        IDigest digest = CreateDigest(hashType);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }

    /// <summary>Computes <c>hex(HMAC(HMAC(HMAC(secret, day), host), message))</c>.</summary>
    public static string Sign(string hashType, string secretKey, string day, string host, string message)
    {
        byte[] key = Compute(hashType, Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(day));
        key = Compute(hashType, key, Encoding.UTF8.GetBytes(host));
        return Convert.ToHexStringLower(Compute(hashType, key, Encoding.UTF8.GetBytes(message)));
    }

    private static byte[] Compute(string hashType, byte[] key, byte[] data)
    {
        if (hashType == "sha256")
        {
            return HMACSHA256.HashData(key, data);
        }

        var mac = new HMac(CreateDigest(hashType));
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data, 0, data.Length);
        var output = new byte[mac.GetMacSize()];
        mac.DoFinal(output, 0);
        return output;
    }

    private static IDigest CreateDigest(string hashType) => hashType switch
    {
        "md5" => new MD5Digest(),
        "sha1" => new Sha1Digest(),
        "sha224" => new Sha224Digest(),
        "sha256" => new Sha256Digest(),
        "sha384" => new Sha384Digest(),
        "sha512" => new Sha512Digest(),
        "sha3_224" => new Sha3Digest(224),
        "sha3_256" => new Sha3Digest(256),
        "sha3_384" => new Sha3Digest(384),
        "sha3_512" => new Sha3Digest(512),
        "blake2b" => new Blake2bDigest(512),
        "blake2s" => new Blake2sDigest(256),
        _ => throw new ArgumentException($"The hash '{hashType}' has no fixed-size HMAC.", nameof(hashType)),
    };
}
