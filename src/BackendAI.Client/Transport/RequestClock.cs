using System.Globalization;
using System.Net.Http.Headers;

namespace BackendAI.Client.Transport;

/// <summary>
/// The time a request is dated with: the local clock plus the offset learned from a manager that
/// rejected an earlier date. Shared by every request of one client.
/// </summary>
internal sealed class RequestClock
{
    private readonly TimeProvider _time;
    private long _offsetTicks;

    internal RequestClock(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Gets the offset added to the local clock (zero until a skew was corrected).</summary>
    internal TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Gets the local clock, uncorrected.</summary>
    internal DateTimeOffset LocalNow => _time.GetUtcNow();

    /// <summary>Gets the corrected current time.</summary>
    internal DateTimeOffset Now => _time.GetUtcNow() + Offset;

    /// <summary>Formats the corrected time as the date header's value: ISO 8601, microseconds, UTC.</summary>
    internal string FormatNow() =>
        Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Learns the offset from the server's <c>Date</c> header; returns the server's time, or null when
    /// the header is missing or unreadable (then nothing is learned).
    /// </summary>
    internal DateTimeOffset? LearnFrom(HttpResponseHeaders headers)
    {
        if (ReadServerTime(headers) is not { } serverTime)
        {
            return null;
        }

        // The header has whole seconds; half a second is the expected rounding error.
        var offset = serverTime + TimeSpan.FromMilliseconds(500) - _time.GetUtcNow();
        Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
        return serverTime;
    }

    /// <summary>Reads the server's time from its <c>Date</c> header; null when missing or unreadable.</summary>
    internal static DateTimeOffset? ReadServerTime(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Date", out var values))
        {
            return null;
        }

        var raw = values.FirstOrDefault();
        return raw is not null && DateTimeOffset.TryParseExact(raw.Trim(), "r", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var serverTime)
            ? serverTime
            : null;
    }
}
