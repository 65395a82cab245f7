using System.Globalization;

namespace BackendAI.Client.Authentication;

/// <summary>
/// Reads the calendar day written in a date header (its own offset, no conversion to UTC) as the eight ASCII
/// digits <c>yyyymmdd</c> that key the signature. ISO 8601 dates (<c>2024-03-15T…</c>) and RFC 1123 dates
/// (<c>Fri, 15 Mar 2024 10:20:30 GMT</c>, which are GMT) are understood.
/// </summary>
internal static class SignatureDay
{
    /// <summary>The number of bytes a day occupies.</summary>
    public const int Length = 8;

    /// <summary>Writes the day of <paramref name="date"/> into <paramref name="destination"/> (8 bytes).</summary>
    public static bool TryWrite(ReadOnlySpan<char> date, Span<byte> destination)
    {
        if (TryWriteIso(date, destination))
        {
            return true;
        }

        if (DateTime.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime gmt))
        {
            return gmt.TryFormat(destination, out _, "yyyyMMdd", CultureInfo.InvariantCulture);
        }

        return false;
    }

    private static bool TryWriteIso(ReadOnlySpan<char> date, Span<byte> destination)
    {
        // yyyy-mm-dd followed by the end, 'T' or a space.
        bool separated = date.Length == 10 || (date.Length > 10 && date[10] is 'T' or ' ');
        if (date.Length < 10 || date[4] != '-' || date[7] != '-' || !separated)
        {
            return false;
        }

        ReadOnlySpan<char> digits = [date[0], date[1], date[2], date[3], date[5], date[6], date[8], date[9]];
        for (int i = 0; i < Length; i++)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                return false;
            }

            destination[i] = (byte)digits[i];
        }

        int month = ((digits[4] - '0') * 10) + (digits[5] - '0');
        int day = ((digits[6] - '0') * 10) + (digits[7] - '0');
        return month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }
}
