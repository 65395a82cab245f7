using System.Diagnostics;

namespace BackendAI.Client.Authentication;

/// <summary>
/// An exclusive lock on the login file, held by keeping a lock file open with <see cref="FileShare.None"/>
/// (an advisory <c>flock</c> on Unix), so writers in several processes take turns.
/// </summary>
internal sealed class LoginStoreLock : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(20);

    private readonly FileStream stream;

    private LoginStoreLock(FileStream stream) => this.stream = stream;

    /// <summary>Takes the lock, retrying while another holder has it, for up to <paramref name="timeout"/>.</summary>
    internal static LoginStoreLock Acquire(string lockPath, TimeSpan timeout)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
        };

        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = StateDirectory.PrivateFileMode;
        }

        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                return new LoginStoreLock(new FileStream(lockPath, options));
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                // The platforms report a held lock with different error codes, so any other I/O error is retried
                // too and surfaces with its own message once the wait is over.
                if (Stopwatch.GetElapsedTime(started) >= timeout)
                {
                    throw new LoginStoreException(
                        $"The login file is locked by another process (lock file '{lockPath}'): {ex.Message} " +
                        "If no other Backend.AI client is running, delete the lock file and try again.",
                        ex);
                }

                Thread.Sleep(RetryDelay);
            }
        }
    }

    /// <summary>Releases the lock; the lock file stays, since deleting it would race with the next holder.</summary>
    public void Dispose() => stream.Dispose();
}
