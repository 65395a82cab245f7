namespace BackendAI.TestServer.Emulation;

/// <summary>Connection cuts the emulated storage proxy injects into transfers; each fires once.</summary>
public sealed class TransferFaults
{
    private long uploadCut = -1;
    private long downloadCut = -1;
    private int cutsDone;

    /// <summary>Gets the pending upload cut position, or <see langword="null"/> when none is armed.</summary>
    public long? PendingUploadCut => Interlocked.Read(ref uploadCut) is var v && v >= 0 ? v : null;

    /// <summary>Gets the pending download cut position, or <see langword="null"/> when none is armed.</summary>
    public long? PendingDownloadCut => Interlocked.Read(ref downloadCut) is var v && v >= 0 ? v : null;

    /// <summary>Gets how many connections were cut so far.</summary>
    public int CutsDone => Volatile.Read(ref cutsDone);

    /// <summary>Arms a cut: the next upload whose received bytes reach <paramref name="bytes"/> keeps those bytes
    /// and then loses its connection.</summary>
    /// <param name="bytes">The file offset at which to cut; 0 or more.</param>
    public void CutNextUploadAfter(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Interlocked.Exchange(ref uploadCut, bytes);
    }

    /// <summary>Arms a cut: the next download that has sent the file up to offset <paramref name="bytes"/> loses its
    /// connection there.</summary>
    /// <param name="bytes">The file offset at which to cut; 0 or more.</param>
    public void CutNextDownloadAfter(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Interlocked.Exchange(ref downloadCut, bytes);
    }

    /// <summary>Disarms both cuts.</summary>
    public void Clear()
    {
        Interlocked.Exchange(ref uploadCut, -1);
        Interlocked.Exchange(ref downloadCut, -1);
    }

    internal bool TryTakeUploadCut(long expected) => TryTake(ref uploadCut, expected);

    internal bool TryTakeDownloadCut(long expected) => TryTake(ref downloadCut, expected);

    private bool TryTake(ref long slot, long expected)
    {
        if (Interlocked.CompareExchange(ref slot, -1, expected) != expected)
        {
            return false;
        }

        Interlocked.Increment(ref cutsDone);
        return true;
    }
}
