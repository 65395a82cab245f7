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

    public override HmacKeyed CreateKeyed(ReadOnlySpan<byte> key)
    {
        var mac = new HMac(_createDigest());
        mac.Init(new KeyParameter(key));
        return new Keyed(mac);
    }

    public override void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var mac = new HMac(_createDigest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data);
        mac.DoFinal(destination);
    }

    private sealed class Keyed : HmacKeyed
    {
        private readonly HMac _mac;

        public Keyed(HMac mac)
        {
            _mac = mac;
        }

        // DoFinal leaves the MAC reset to its keyed state, ready for the next message.
        public override void Compute(ReadOnlySpan<byte> data, Span<byte> destination)
        {
            _mac.BlockUpdate(data);
            _mac.DoFinal(destination);
        }
    }
}
