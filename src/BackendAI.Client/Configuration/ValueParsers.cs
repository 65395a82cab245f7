using System.Globalization;
using System.Text.RegularExpressions;

namespace BackendAI.Client.Configuration;

/// <summary>
/// Parses the text of one setting. Every parser receives text that is already known to be non-empty after
/// trimming (an empty value means the setting's default and never reaches a parser).
/// </summary>
internal static partial class ValueParsers
{
    /// <summary>The longest accepted timeout: the limit of the timers the transport uses.</summary>
    internal static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    private const string BooleanWords = "y, yes, t, true, 1 or n, no, f, false, 0 (any letter case)";

    private const string TimeoutWords =
        "a decimal number of seconds written with a '.' (for example 2.5), from 0 (no limit) to 2147483";

    internal static bool ParseBoolean(string text, SettingOrigin origin)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "y" or "yes" or "t" or "true" or "1":
                return true;
            case "n" or "no" or "f" or "false" or "0":
                return false;
            default:
                throw origin.Reject(text, "is not a yes/no value", BooleanWords);
        }
    }

    internal static TimeSpan ParseTimeout(string text, SettingOrigin origin)
    {
        var trimmed = text.Trim();
        if (!DecimalNumber().IsMatch(trimmed)
            || !double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            throw origin.Reject(text, "is not a decimal number of seconds", TimeoutWords);
        }

        return CheckTimeout(seconds, text, origin);
    }

    /// <summary>
    /// Checks a timeout given as a <see cref="TimeSpan"/>; an infinite one means no limit (zero).
    /// </summary>
    internal static TimeSpan CheckTimeout(TimeSpan value, SettingOrigin origin)
    {
        if (value == Timeout.InfiniteTimeSpan)
        {
            return TimeSpan.Zero;
        }

        var seconds = value.TotalSeconds;
        return CheckTimeout(seconds, seconds.ToString("R", CultureInfo.InvariantCulture), origin);
    }

    internal static EndpointType ParseEndpointType(string text, SettingOrigin origin) =>
        text.Trim().ToLowerInvariant() switch
        {
            "api" => EndpointType.Api,
            "session" => EndpointType.Session,
            _ => throw origin.Reject(
                text, "is not an endpoint type", "api (keypair signatures) or session (web server login)"),
        };

    internal static LoadBalancingStrategy ParseLoadBalancing(string text, SettingOrigin origin) =>
        text.Trim().ToLowerInvariant() switch
        {
            "failover" => LoadBalancingStrategy.Failover,
            "round_robin" => LoadBalancingStrategy.RoundRobin,
            "lowest_latency" => LoadBalancingStrategy.LowestLatency,
            _ => throw origin.Reject(
                text, "is not a load-balancing strategy", "failover, round_robin or lowest_latency"),
        };

    internal static string ParseHashType(string text, SettingOrigin origin)
    {
        if (SignatureHashTypes.TryNormalize(text, out var normalized))
        {
            return normalized;
        }

        throw origin.Reject(
            text, "is not a supported signature hash type", string.Join(", ", SignatureHashTypes.All));
    }

    internal static string ParseVersion(string text, SettingOrigin origin)
    {
        // The same parser as version negotiation: every accepted version can also be compared there.
        var trimmed = text.Trim();
        if (!ApiVersion.TryParse(trimmed, out var version) || !DateOnly.TryParseExact(
            version.Date.ToString("D8", CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out _))
        {
            throw origin.Reject(
                text,
                "is not an API version",
                "v<major>.<yyyymmdd> with a real date, for example v8.20240315");
        }

        return trimmed;
    }

    /// <summary>Splits a comma-separated list; entries are trimmed and empty entries skipped.</summary>
    internal static IEnumerable<string> SplitList(string text) =>
        text.Split(',').Select(static entry => entry.Trim()).Where(static entry => entry.Length > 0);

    /// <summary>
    /// Adds one <c>FROM=TO</c> entry (split at the first '='); a repeated key keeps the last value.
    /// </summary>
    internal static void AddMapEntry(IDictionary<string, string> map, string entry, SettingOrigin origin)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? string.Empty : entry[..equals];
        var value = equals < 0 ? string.Empty : entry[(equals + 1)..];
        AddMapPair(map, key, value, entry, origin);
    }

    /// <summary>Adds one map pair, both parts trimmed and required; a repeated key keeps the last value.</summary>
    internal static void AddMapPair(
        IDictionary<string, string> map, string key, string? value, string shown, SettingOrigin origin)
    {
        var trimmedKey = key.Trim();
        var trimmedValue = value?.Trim() ?? string.Empty;
        if (trimmedKey.Length == 0 || trimmedValue.Length == 0)
        {
            throw origin.Reject(
                shown,
                "is not a FROM=TO entry",
                "comma-separated FROM=TO entries with a non-empty FROM (a URL handed out by the manager, or "
                + "its scheme and authority) and a non-empty TO (the URL to use instead)");
        }

        map[trimmedKey] = trimmedValue;
    }

    private static TimeSpan CheckTimeout(double seconds, string shown, SettingOrigin origin)
    {
        if (double.IsNaN(seconds) || seconds < 0)
        {
            throw origin.Reject(shown, "is not a valid timeout", TimeoutWords);
        }

        if (double.IsPositiveInfinity(seconds) || seconds > MaxTimeout.TotalSeconds)
        {
            throw origin.Reject(shown, "is longer than the longest supported timeout", TimeoutWords);
        }

        return TimeSpan.FromSeconds(seconds);
    }

    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalNumber();
}
