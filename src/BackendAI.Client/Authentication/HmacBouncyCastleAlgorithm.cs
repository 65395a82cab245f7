using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace BackendAI.Client.Authentication;

/// <summary>
/// An HMAC over a BouncyCastle digest, for the hashes the platform lacks (sha224, blake2, sha3 on old OpenSSL).
/// The HMAC block size is the digest's own (the sponge rate for sha3), as in Python's <c>hmac</c> module.
/// </summary>
internal sealed class HmacBouncyCastleAlgorithm : HmacAlgorithm
{
    private readonly Func<IDigest> _createDigest;

    private HmacBouncyCastleAlgorithm(string name, Func<IDigest> createDigest, int digestSize, string emptyHex)
        : base(name, digestSize, emptyHex)
    {
        _createDigest = createDigest;
    }

    public static HmacBouncyCastleAlgorithm Create(string name, Func<IDigest> createDigest)
    {
        IDigest digest = createDigest();
        var empty = new byte[digest.GetDigestSize()];
        digest.DoFinal(empty, 0);
        return new HmacBouncyCastleAlgorithm(name, createDigest, empty.Length, Convert.ToHexStringLower(empty));
    }

    public override void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var mac = new HMac(_createDigest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data);
        mac.DoFinal(destination);
    }
}
