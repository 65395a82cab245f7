namespace BackendAI.Client.Transport;

/// <summary>
/// What one attempt has got through so far, written by the connect callback and the request content
/// while the HTTP stack runs, and read afterwards to tell which phase a failure happened in.
/// </summary>
internal sealed class AttemptState : IDisposable
{
    /// <summary>The key under which the state travels in <see cref="HttpRequestMessage.Options"/>.</summary>
    internal static readonly HttpRequestOptionsKey<AttemptState> Key = new("BackendAI.Attempt");

    private readonly TimeSpan _readTimeout;
    private int _connectsStarted;
    private int _connectsCompleted;
    private int _bodyStarted;
    private int _bodyCompleted;

    internal AttemptState(TimeSpan readTimeout, bool hasBody)
    {
        _readTimeout = readTimeout;
        HasBody = hasBody;
        ReadTimer = new CancellationTokenSource();
        if (!hasBody)
        {
            ArmReadTimer();
        }
    }

    /// <summary>Gets a value indicating whether the request carries a body.</summary>
    internal bool HasBody { get; }

    /// <summary>Gets the source cancelled when the read timeout expires.</summary>
    internal CancellationTokenSource ReadTimer { get; }

    /// <summary>Gets a value indicating whether a new connection was being opened when the attempt failed.</summary>
    internal bool FailedWhileConnecting =>
        Volatile.Read(ref _connectsStarted) > Volatile.Read(ref _connectsCompleted);

    /// <summary>Gets a value indicating whether the request body began to be written.</summary>
    internal bool BodyStarted => Volatile.Read(ref _bodyStarted) != 0;

    /// <summary>Gets a value indicating whether the request body was written completely.</summary>
    internal bool BodyCompleted => Volatile.Read(ref _bodyCompleted) != 0;

    /// <summary>Gets a value indicating whether the read timer fired.</summary>
    internal bool ReadTimedOut => ReadTimer.IsCancellationRequested;

    /// <summary>Notes that the HTTP stack opens a new connection; the read timer pauses meanwhile.</summary>
    internal void ConnectStarting()
    {
        Interlocked.Increment(ref _connectsStarted);
        DisarmReadTimer();
    }

    /// <summary>
    /// Notes that the connection is open and, for https, its TLS handshake done; the wait for the answer
    /// starts now unless a body follows.
    /// </summary>
    internal void ConnectCompleted()
    {
        Interlocked.Increment(ref _connectsCompleted);
        if (!BodyStarted || BodyCompleted)
        {
            ArmReadTimer();
        }
    }

    /// <summary>
    /// Notes that the body is being written, which the read timer does not bound (a large upload may take
    /// long); returns false when it was written before, which means the HTTP stack is resending the request
    /// on its own.
    /// </summary>
    internal bool TryStartBody()
    {
        if (Interlocked.Exchange(ref _bodyStarted, 1) != 0)
        {
            return false;
        }

        DisarmReadTimer();
        return true;
    }

    /// <summary>Notes that the whole body was written: the wait for the answer starts.</summary>
    internal void BodyWritten()
    {
        Volatile.Write(ref _bodyCompleted, 1);
        ArmReadTimer();
    }

    /// <summary>Restarts the read timer, used again for each gap while the body is read.</summary>
    internal void ArmReadTimer()
    {
        if (_readTimeout > TimeSpan.Zero && !ReadTimer.IsCancellationRequested)
        {
            ReadTimer.CancelAfter(_readTimeout);
        }
    }

    /// <summary>Stops the read timer.</summary>
    internal void DisarmReadTimer()
    {
        if (!ReadTimer.IsCancellationRequested)
        {
            ReadTimer.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    /// <inheritdoc />
    public void Dispose() => ReadTimer.Dispose();
}
