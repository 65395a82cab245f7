namespace BackendAI.Client.Authentication;

/// <summary>An HMAC bound to one key, reusable for many messages; not safe for concurrent use.</summary>
internal abstract class HmacKeyed : IDisposable
{
    /// <summary>Computes the HMAC of <paramref name="data"/> into <paramref name="destination"/> and resets.</summary>
    public abstract void Compute(ReadOnlySpan<byte> data, Span<byte> destination);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the underlying hash state.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
