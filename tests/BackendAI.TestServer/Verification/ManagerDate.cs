using System.Globalization;
using System.Text.RegularExpressions;

namespace BackendAI.TestServer.Verification;

/// <summary>
/// Reads a date header the way the manager does (<c>dateutil</c> with its zone table) for the spellings clients
/// send: ISO 8601 with or without offset or fraction (<c>T</c> or space), a trailing zone abbreviation, RFC 1123,
/// RFC 850 and asctime. A date without zone counts as UTC. The signing day is the calendar day in the date's own
/// offset. Anything else (epoch seconds, garbage, out-of-range numbers) is unreadable.
/// </summary>
internal static partial class ManagerDate
{
    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["UT"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5,
        ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7, ["KST"] = 9,
    };

    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>
    /// Parses <paramref name="raw"/>; <paramref name="day"/> is <c>yyyymmdd</c> in the date's offset.
    /// </summary>
    public static bool TryParse(string raw, out DateTimeOffset instant, out string day)
    {
        instant = default;
        day = "";
        Match m;
        if ((m = IsoPattern().Match(raw)).Success)
        {
            return TryBuild(m, m.Groups["year"].Value, m.Groups["month"].Value, out instant, out day);
        }

        if ((m = Rfc1123Pattern().Match(raw)).Success || (m = AsctimePattern().Match(raw)).Success)
        {
            return TryBuild(m, m.Groups["year"].Value, MonthNumber(m.Groups["mon"].Value), out instant, out day);
        }

        if ((m = Rfc850Pattern().Match(raw)).Success)
        {
            // Two-digit years land in the current century, as dateutil places them near today.
            string year = (2000 + int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture))
                .ToString(CultureInfo.InvariantCulture);
            return TryBuild(m, year, MonthNumber(m.Groups["mon"].Value), out instant, out day);
        }

        return false;
    }

    private static bool TryBuild(Match m, string year, string month, out DateTimeOffset instant, out string day)
    {
        instant = default;
        day = "";
        if (!TryOffset(m.Groups["zone"].Value, out TimeSpan offset))
        {
            return false;
        }

        try
        {
            string fraction = m.Groups["fraction"].Value;
            long ticks = fraction.Length == 0
                ? 0
                : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
            var local = new DateTime(
                Number(year), Number(month), Number(m.Groups["day"].Value), Optional(m.Groups["hour"]),
                Optional(m.Groups["minute"]), Optional(m.Groups["second"]), DateTimeKind.Unspecified);
            instant = new DateTimeOffset(local.AddTicks(ticks), offset);
            day = local.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool TryOffset(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        zone = zone.Trim();
        if (zone.Length == 0)
        {
            return true;
        }

        if (ZoneHours.TryGetValue(zone, out int hours))
        {
            offset = TimeSpan.FromHours(hours);
            return true;
        }

        Match m = OffsetPattern().Match(zone);
        if (!m.Success)
        {
            return false;
        }

        int h = Number(m.Groups["h"].Value);
        int minutes = m.Groups["m"].Success ? Number(m.Groups["m"].Value) : 0;
        if (h > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(h, minutes, 0);
        offset = m.Groups["sign"].Value == "-" ? -offset : offset;
        return true;
    }

    private static int Optional(Group group) => group.Success ? Number(group.Value) : 0;

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string MonthNumber(string name) =>
        (Array.IndexOf(Months, name.ToLowerInvariant()) + 1).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[T ](?<hour>\d{2}):(?<minute>\d{2})"
        + @"(?::(?<second>\d{2})(?:\.(?<fraction>\d{1,9}))?)?)?\s*(?<zone>Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^[A-Za-z]{3}, (?<day>\d{1,2}) (?<mon>[A-Za-z]{3}) (?<year>\d{4}) (?<hour>\d{2}):(?<minute>\d{2})"
        + @":(?<second>\d{2}) (?<zone>GMT|UTC)$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc1123Pattern();

    [GeneratedRegex(@"^[A-Za-z]{6,9}, (?<day>\d{2})-(?<mon>[A-Za-z]{3})-(?<year>\d{2}) (?<hour>\d{2}):(?<minute>\d{2})"
        + @":(?<second>\d{2}) (?<zone>GMT|UTC)$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc850Pattern();

    [GeneratedRegex(@"^[A-Za-z]{3} (?<mon>[A-Za-z]{3}) +(?<day>\d{1,2}) (?<hour>\d{2}):(?<minute>\d{2})"
        + @":(?<second>\d{2}) (?<year>\d{4})(?<zone>)$", RegexOptions.CultureInvariant)]
    private static partial Regex AsctimePattern();

    [GeneratedRegex(@"^(?<sign>[+-])(?<h>\d{2})(?::?(?<m>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}
