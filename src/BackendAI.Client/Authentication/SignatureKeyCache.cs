using System.Buffers.Binary;

namespace BackendAI.Client.Authentication;

/// <summary>
/// Remembers the derived signing keys <c>HMAC(HMAC(secret, day), host)</c> of the last few (day, host) pairs, so
/// that signing a request costs one HMAC. Entries are immutable and replaced in turn; safe for concurrent use.
/// </summary>
internal sealed class SignatureKeyCache
{
    // A client talks to a handful of endpoints; each changes its key once a day.
    private const int Capacity = 8;

    private readonly Entry?[] _entries = new Entry?[Capacity];
    private int _next = -1;

    /// <summary>Returns the key for <paramref name="day"/> (8 ASCII digits) and <paramref name="host"/>.</summary>
    public ReadOnlySpan<byte> GetOrAdd(
        ReadOnlySpan<byte> day, ReadOnlySpan<char> host, HmacAlgorithm algorithm, ReadOnlySpan<byte> secret)
    {
        long dayValue = BinaryPrimitives.ReadInt64LittleEndian(day);
        for (int i = 0; i < Capacity; i++)
        {
            Entry? entry = Volatile.Read(ref _entries[i]);
            if (entry is not null && entry.Day == dayValue && host.SequenceEqual(entry.Host))
            {
                return entry.Key;
            }
        }

        var key = new byte[algorithm.DigestSize];
        SignatureCalculator.DeriveKey(algorithm, secret, day, host, key);
        int slot = (int)((uint)Interlocked.Increment(ref _next) % Capacity);
        Volatile.Write(ref _entries[slot], new Entry(dayValue, host.ToString(), key));
        return key;
    }

    private sealed record Entry(long Day, string Host, byte[] Key);
}
