using System.Globalization;
using System.Text.RegularExpressions;

namespace BackendAI.Client.Tests.Support;

/// <summary>Renders the date formats of server_verification.json (see the conformance README).</summary>
public static partial class ConformanceDates
{
    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.Ordinal)
    {
        ["KST"] = 9, ["EST"] = -5, ["PST"] = -8, ["UTC"] = 0,
    };

    /// <summary>Renders instant <paramref name="t"/> in <paramref name="format"/>.</summary>
    public static RenderedDate Render(string format, DateTimeOffset t)
    {
        DateTimeOffset utc = t.ToUniversalTime();
        Match m = Parameterised().Match(format);
        string name = m.Success ? m.Groups["name"].Value : format;
        string argument = m.Success ? m.Groups["arg"].Value : "";

        return name switch
        {
            "iso-micro-utc" => Wall(utc, "yyyy-MM-dd'T'HH:mm:ss.ffffff", "+00:00"),
            "iso-seconds-utc" => Wall(utc, "yyyy-MM-dd'T'HH:mm:ss", "+00:00"),
            "iso-z" => Wall(utc, "yyyy-MM-dd'T'HH:mm:ss", "Z"),
            "iso-z-micro" => Wall(utc, "yyyy-MM-dd'T'HH:mm:ss.ffffff", "Z"),
            "iso-7digit-z" => Wall(utc, "yyyy-MM-dd'T'HH:mm:ss.fffffff", "Z"),
            "iso-offset" => Wall(utc.ToOffset(Offset(argument)), "yyyy-MM-dd'T'HH:mm:ss.ffffff", argument),
            "iso-7digit-offset" => Wall(utc.ToOffset(Offset(argument)), "yyyy-MM-dd'T'HH:mm:ss.fffffff", argument),
            "iso-offset-crossing" => Render(utc.Hour >= 10 ? "iso-offset(+14:00)" : "iso-offset(-12:00)", utc),
            "iso-naive" => Wall(utc, "yyyy-MM-dd'T'HH:mm:ss.ffffff", ""),
            "iso-naive-at" => Wall(utc.ToOffset(Offset(argument)), "yyyy-MM-dd'T'HH:mm:ss.ffffff", ""),
            "space-naive" => Wall(utc, "yyyy-MM-dd HH:mm:ss", ""),
            "abbr" => Wall(
                utc.ToOffset(TimeSpan.FromHours(ZoneHours[argument])), "yyyy-MM-dd HH:mm:ss", " " + argument),
            "rfc1123" => Wall(utc, "ddd, dd MMM yyyy HH:mm:ss", " GMT"),
            "rfc850" => Wall(utc, "dddd, dd-MMM-yy HH:mm:ss", " GMT"),
            "asctime" => Wall(utc, "ddd MMM dd HH:mm:ss yyyy", ""),
            "epoch" => new(utc.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), "19700101"),
            "far-past" => new("2001-01-01T00:00:00+00:00", "20010101"),
            "far-future" => new("2999-01-01T00:00:00+00:00", "29990101"),
            "garbage" => new("not a date", ""),
            "overflow" => new("99999999999999999999", ""),
            "empty" => new("", ""),
            _ => throw new ArgumentException($"Unknown date format '{format}'.", nameof(format)),
        };
    }

    private static RenderedDate Wall(DateTimeOffset t, string pattern, string suffix) =>
        new(t.ToString(pattern, CultureInfo.InvariantCulture) + suffix,
            t.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    private static TimeSpan Offset(string text)
    {
        TimeSpan magnitude = TimeSpan.ParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture);
        return text[0] == '-' ? -magnitude : magnitude;
    }

    [GeneratedRegex(@"^(?<name>[a-z0-9-]+)\((?<arg>[^)]*)\)$")]
    private static partial Regex Parameterised();
}
