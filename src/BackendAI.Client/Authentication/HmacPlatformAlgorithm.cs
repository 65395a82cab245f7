using System.Security.Cryptography;

namespace BackendAI.Client.Authentication;

/// <summary>An HMAC computed by the platform's own one-shot functions (no allocation per call).</summary>
internal sealed class HmacPlatformAlgorithm : HmacAlgorithm
{
    private readonly HashAlgorithmName _hashName;
    private readonly HmacFunction _hmac;

    public HmacPlatformAlgorithm(string name, HashAlgorithmName hashName, HmacFunction hmac, HashFunction hash)
        : base(name, EmptyHash(hash).Length, Convert.ToHexStringLower(EmptyHash(hash)))
    {
        _hashName = hashName;
        _hmac = hmac;
    }

    /// <summary>The shape of <c>HMACSHA256.HashData(key, source, destination)</c> and its siblings.</summary>
    public delegate int HmacFunction(ReadOnlySpan<byte> key, ReadOnlySpan<byte> source, Span<byte> destination);

    /// <summary>The shape of <c>SHA256.HashData(source, destination)</c> and its siblings.</summary>
    public delegate int HashFunction(ReadOnlySpan<byte> source, Span<byte> destination);

    public override void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination) =>
        _hmac(key, data, destination);

    public override HmacKeyed CreateKeyed(ReadOnlySpan<byte> key) =>
        new Keyed(IncrementalHash.CreateHMAC(_hashName, key));

    private static byte[] EmptyHash(HashFunction hash)
    {
        Span<byte> digest = stackalloc byte[64];
        return digest[..hash(ReadOnlySpan<byte>.Empty, digest)].ToArray();
    }

    private sealed class Keyed : HmacKeyed
    {
        private readonly IncrementalHash _hash;

        public Keyed(IncrementalHash hash)
        {
            _hash = hash;
        }

        public override void Compute(ReadOnlySpan<byte> data, Span<byte> destination)
        {
            _hash.AppendData(data);
            _hash.GetHashAndReset(destination);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
