namespace BackendAI.Client.Functions.VFolders;

/// <summary>
/// The wait before resuming a broken transfer: short at first, doubling up to a few seconds, so a
/// storage proxy that is restarting is not hammered with immediate retries.
/// </summary>
internal static class ResumePause
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(5);

    /// <summary>Waits before resume number <paramref name="resume"/> (1 for the first).</summary>
    internal static Task WaitAsync(int resume, CancellationToken cancellationToken)
    {
        var delay = First * Math.Pow(2, Math.Clamp(resume - 1, 0, 10));
        return Task.Delay(delay < Longest ? delay : Longest, cancellationToken);
    }
}
