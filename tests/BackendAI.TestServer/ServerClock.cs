namespace BackendAI.TestServer;

/// <summary>The server's notion of now: the configured clock plus a settable skew.</summary>
public sealed class ServerClock
{
    private readonly TimeProvider _timeProvider;
    private long _offsetTicks;

    internal ServerClock(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Gets or sets how far the server's clock is off: it shifts the <c>Date</c> header of every response and the
    /// 15-minute window of the date check. Default: zero.
    /// </summary>
    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    /// <summary>Gets the server's current time.</summary>
    public DateTimeOffset UtcNow => _timeProvider.GetUtcNow() + Offset;
}
