using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace BackendAI.Client.Configuration;

/// <summary>
/// Reads <see cref="ApiConfigOptions"/> from an <see cref="IConfiguration"/> (for example appsettings.json).
/// </summary>
public static class ApiConfigOptionsConfigurationExtensions
{
    private static readonly string[] Keys =
    [
        nameof(ApiConfigOptions.Endpoint), nameof(ApiConfigOptions.Endpoints),
        nameof(ApiConfigOptions.EndpointType),
        nameof(ApiConfigOptions.Domain), nameof(ApiConfigOptions.Group),
        nameof(ApiConfigOptions.StorageProxyAddressMap), nameof(ApiConfigOptions.Version),
        nameof(ApiConfigOptions.UserAgent), nameof(ApiConfigOptions.AccessKey), nameof(ApiConfigOptions.SecretKey),
        nameof(ApiConfigOptions.HashType), nameof(ApiConfigOptions.VfolderMounts),
        nameof(ApiConfigOptions.SkipSslCertValidation), nameof(ApiConfigOptions.ConnectionTimeout),
        nameof(ApiConfigOptions.ReadTimeout), nameof(ApiConfigOptions.LoadBalancing),
        nameof(ApiConfigOptions.ShuffleEndpoints),
    ];

    /// <summary>
    /// Reads the options from a configuration section (by default <c>BackendAI</c>). Values use the same
    /// spellings as the environment variables: yes/no words for switches, <c>api</c>/<c>session</c>,
    /// <c>failover</c>/<c>round_robin</c>/<c>lowest_latency</c>, and timeouts in seconds (or as
    /// <c>hh:mm:ss</c>). Lists are arrays (or comma-separated text) and the storage-proxy map is an object
    /// whose keys may contain ':'. An unknown key is an error, so a misspelt setting is not ignored.
    /// </summary>
    /// <param name="configuration">The configuration root or any section.</param>
    /// <param name="sectionName">The section holding the settings.</param>
    /// <returns>New options; settings absent from the section are left unset.</returns>
    /// <exception cref="ConfigurationException">A key is unknown or a value cannot be accepted.</exception>
    public static ApiConfigOptions GetApiConfigOptions(
        this IConfiguration configuration, string sectionName = ApiConfigOptions.SectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(sectionName);

        var section = configuration.GetSection(sectionName);
        CheckKeys(section);
        return new ApiConfigOptions
        {
            Endpoint = Text(section, nameof(ApiConfigOptions.Endpoint)),
            Endpoints = List(section, nameof(ApiConfigOptions.Endpoints)),
            EndpointType = Parse(section, nameof(ApiConfigOptions.EndpointType), ValueParsers.ParseEndpointType),
            Domain = Text(section, nameof(ApiConfigOptions.Domain)),
            Group = Text(section, nameof(ApiConfigOptions.Group)),
            StorageProxyAddressMap = Map(section, nameof(ApiConfigOptions.StorageProxyAddressMap)),
            Version = Text(section, nameof(ApiConfigOptions.Version)),
            UserAgent = Text(section, nameof(ApiConfigOptions.UserAgent)),
            AccessKey = section[nameof(ApiConfigOptions.AccessKey)],
            SecretKey = section[nameof(ApiConfigOptions.SecretKey)],
            HashType = Text(section, nameof(ApiConfigOptions.HashType)),
            VfolderMounts = List(section, nameof(ApiConfigOptions.VfolderMounts)),
            SkipSslCertValidation = Parse(
                section, nameof(ApiConfigOptions.SkipSslCertValidation), ValueParsers.ParseBoolean),
            ConnectionTimeout = Parse(section, nameof(ApiConfigOptions.ConnectionTimeout), ParseTimeout),
            ReadTimeout = Parse(section, nameof(ApiConfigOptions.ReadTimeout), ParseTimeout),
            LoadBalancing = Parse(
                section, nameof(ApiConfigOptions.LoadBalancing), ValueParsers.ParseLoadBalancing),
            ShuffleEndpoints = Parse(
                section, nameof(ApiConfigOptions.ShuffleEndpoints), ValueParsers.ParseBoolean),
        };
    }

    private static void CheckKeys(IConfigurationSection section)
    {
        foreach (var child in section.GetChildren())
        {
            if (!Keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new ConfigurationException(
                    $"Configuration key {child.Path} is not a Backend.AI client setting. Accepted: "
                    + string.Join(", ", Keys) + ".",
                    child.Path,
                    setting: null);
            }
        }
    }

    private static string? Text(IConfigurationSection section, string key)
    {
        var value = section[key];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static T? Parse<T>(IConfigurationSection section, string key, Func<string, SettingOrigin, T> parse)
        where T : struct
    {
        var value = Text(section, key);
        return value is null ? null : parse(value, Origin(section, key));
    }

    private static List<string>? List(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        if (child.Value is { } text)
        {
            return [.. ValueParsers.SplitList(text)];
        }

        var items = child.GetChildren().Select(static item => item.Value).OfType<string>().ToList();
        return items.Count == 0 ? null : items;
    }

    private static Dictionary<string, string>? Map(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        var origin = Origin(section, key);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (child.Value is { } text)
        {
            foreach (var entry in ValueParsers.SplitList(text))
            {
                ValueParsers.AddMapEntry(map, entry, origin);
            }

            return map.Count == 0 ? null : map;
        }

        // A key such as "local:volume1" or a URL arrives split at each ':'; the relative path restores it.
        foreach (var (path, value) in child.AsEnumerable(makePathsRelative: true))
        {
            if (value is not null && path.All(char.IsAsciiDigit))
            {
                // A JSON array arrives keyed by position; its entries are not FROM=TO pairs of a map.
                throw origin.Reject(value, "is an entry of a list",
                    "an object such as {\"http://sp:6021\": \"http://127.0.0.1:6021\"} or a string FROM=TO,FROM2=TO2");
            }

            if (value is not null)
            {
                ValueParsers.AddMapPair(map, path, value, $"{path}={value}", origin);
            }
        }

        return map.Count == 0 ? null : map;
    }

    private static TimeSpan ParseTimeout(string text, SettingOrigin origin)
    {
        if (!text.Contains(':', StringComparison.Ordinal))
        {
            return ValueParsers.ParseTimeout(text, origin);
        }

        if (!TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value))
        {
            throw origin.Reject(text, "is not a time span", "seconds (for example 2.5) or hh:mm:ss");
        }

        // -00:00:00.001 is the same value as Timeout.InfiniteTimeSpan; written here it is a negative time.
        if (value < TimeSpan.Zero)
        {
            throw origin.Reject(text, "is negative", "0 (no limit) or a positive time such as 00:00:30");
        }

        return ValueParsers.CheckTimeout(value, origin);
    }

    private static SettingOrigin Origin(IConfigurationSection section, string key) =>
        new($"configuration key {section.Path}:{key}", key);
}
