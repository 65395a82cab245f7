using System.Buffers.Binary;

namespace BackendAI.Client.Authentication;

/// <summary>
/// Remembers the derived signing keys <c>HMAC(HMAC(secret, day), host)</c> of the last few (day, host) pairs, each
/// with a keyed HMAC ready for use, so that signing a request costs one HMAC and no allocation. Entries are
/// replaced in turn; safe for concurrent use.
/// </summary>
internal sealed class SignatureKeyCache
{
    // A client talks to a handful of endpoints; each changes its key once a day.
    private const int Capacity = 8;

    private readonly Entry?[] _entries = new Entry?[Capacity];
    private int _next = -1;

    /// <summary>Returns the entry for <paramref name="day"/> (8 ASCII digits) and <paramref name="host"/>.</summary>
    public Entry GetOrAdd(
        ReadOnlySpan<byte> day, ReadOnlySpan<char> host, HmacAlgorithm algorithm, ReadOnlySpan<byte> secret)
    {
        long dayValue = BinaryPrimitives.ReadInt64LittleEndian(day);
        for (int i = 0; i < Capacity; i++)
        {
            Entry? entry = Volatile.Read(ref _entries[i]);
            if (entry is not null && entry.Day == dayValue && host.SequenceEqual(entry.Host))
            {
                return entry;
            }
        }

        var key = new byte[algorithm.DigestSize];
        SignatureCalculator.DeriveKey(algorithm, secret, day, host, key);
        var added = new Entry(dayValue, host.ToString(), key, algorithm);
        int slot = (int)((uint)Interlocked.Increment(ref _next) % Capacity);
        Interlocked.Exchange(ref _entries[slot], added)?.Retire();
        return added;
    }

    /// <summary>A derived key and one spare keyed HMAC; concurrent signers beyond the first create their own.</summary>
    internal sealed class Entry
    {
        private readonly byte[] _key;
        private readonly HmacAlgorithm _algorithm;
        private HmacKeyed? _spare;

        public Entry(long day, string host, byte[] key, HmacAlgorithm algorithm)
        {
            Day = day;
            Host = host;
            _key = key;
            _algorithm = algorithm;
        }

        public long Day { get; }

        public string Host { get; }

        /// <summary>Computes <c>HMAC(key, data)</c> into <paramref name="destination"/>.</summary>
        public void Sign(ReadOnlySpan<byte> data, Span<byte> destination)
        {
            HmacKeyed hmac = Interlocked.Exchange(ref _spare, null) ?? _algorithm.CreateKeyed(_key);
            hmac.Compute(data, destination);
            if (Interlocked.CompareExchange(ref _spare, hmac, null) is not null)
            {
                hmac.Dispose();
            }
        }

        /// <summary>Releases the spare HMAC of an evicted entry (a signer still using it keeps its own).</summary>
        public void Retire() => Interlocked.Exchange(ref _spare, null)?.Dispose();
    }
}
