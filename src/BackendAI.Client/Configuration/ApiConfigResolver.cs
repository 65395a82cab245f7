namespace BackendAI.Client.Configuration;

/// <summary>
/// Resolves each setting with one precedence: explicit option, then the environment (process first, then
/// <c>.env</c>; <c>BACKEND_</c> before <c>SORNA_</c>), then the default. A set variable whose value is empty
/// or white space means the default; <c>SORNA_</c> is then not consulted.
/// </summary>
internal sealed class ApiConfigResolver(ApiConfigOptions options, ConfigurationEnvironment environment)
{
    internal IReadOnlyList<Uri> Endpoints()
    {
        var hasText = !string.IsNullOrWhiteSpace(options.Endpoint);
        var hasList = options.Endpoints is { } list && list.Any(static e => !string.IsNullOrWhiteSpace(e));
        if (hasText && hasList)
        {
            throw SettingOrigin.Parameter(nameof(ApiConfigOptions.Endpoints), "endpoint").Reject(
                null, "is given together with the Endpoint parameter", "either Endpoint or Endpoints, not both");
        }

        if (hasText)
        {
            return EndpointParser.ParseList(options.Endpoint!, Parameter(nameof(options.Endpoint), "endpoint"));
        }

        if (hasList)
        {
            return EndpointParser.Parse(options.Endpoints!, Parameter(nameof(options.Endpoints), "endpoint"));
        }

        return FromEnvironment("endpoint", "Endpoint", EndpointParser.ParseList, []);
    }

    internal EndpointType EndpointType() =>
        options.EndpointType ?? FromEnvironment(
            "endpoint_type", "EndpointType", ValueParsers.ParseEndpointType, Configuration.EndpointType.Api);

    internal string Domain() => Name(options.Domain, "domain", nameof(options.Domain));

    internal string Group() => Name(options.Group, "group", nameof(options.Group));

    internal IReadOnlyDictionary<string, string> StorageProxyAddressMap()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (options.StorageProxyAddressMap is { } given)
        {
            var origin = Parameter(nameof(options.StorageProxyAddressMap), "storage_proxy_address_map");
            foreach (var (key, value) in given)
            {
                ValueParsers.AddMapPair(map, key, value, $"{key}={value}", origin);
            }

            return map.AsReadOnly();
        }

        return FromEnvironment(
            "override_storage_proxy",
            "StorageProxyAddressMap",
            (text, origin) =>
            {
                foreach (var entry in ValueParsers.SplitList(text))
                {
                    ValueParsers.AddMapEntry(map, entry, origin);
                }

                return map.AsReadOnly();
            },
            map.AsReadOnly());
    }

    internal string Version()
    {
        if (!string.IsNullOrWhiteSpace(options.Version))
        {
            return ValueParsers.ParseVersion(options.Version, Parameter(nameof(options.Version), "version"));
        }

        return FromEnvironment("version", "Version", ValueParsers.ParseVersion, ApiConfig.DefaultVersion);
    }

    internal string UserAgent()
    {
        var text = options.UserAgent?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return ClientVersion.DefaultUserAgent;
        }

        if (text.Any(char.IsControl))
        {
            throw Parameter(nameof(options.UserAgent), "user_agent").Reject(
                text, "contains control characters", "printable text for the User-Agent header");
        }

        return text;
    }

    /// <summary>
    /// Returns a key exactly as given (never trimmed) and where it came from: null for the parameter, else the
    /// variable's description.
    /// </summary>
    internal (string Value, string? Source) Key(string? given, string seedName)
    {
        if (given is not null)
        {
            return (CheckKey(given, Parameter(seedName == "access_key" ? "AccessKey" : "SecretKey", seedName),
                seedName), null);
        }

        var found = environment.Find(seedName);
        if (found is null)
        {
            return (string.Empty, null);
        }

        var property = seedName == "access_key" ? "AccessKey" : "SecretKey";
        return (CheckKey(found.Value, SettingOrigin.Variable(found, property), seedName), found.Describe());
    }

    /// <summary>The access key goes into the Authorization header: no control characters.</summary>
    private static string CheckKey(string value, SettingOrigin origin, string seedName)
    {
        if (seedName != "access_key" || !value.Any(char.IsControl))
        {
            return value;
        }

        throw origin.Reject(value.ReplaceLineEndings("\\n"), "contains control characters such as line breaks",
            "printable text");
    }

    internal string HashType()
    {
        if (!string.IsNullOrWhiteSpace(options.HashType))
        {
            return ValueParsers.ParseHashType(options.HashType, Parameter(nameof(options.HashType), "hash_type"));
        }

        return FromEnvironment("hash_type", "HashType", ValueParsers.ParseHashType, ApiConfig.DefaultHashType);
    }

    internal IReadOnlyList<string> VfolderMounts()
    {
        var fromVariable = FromEnvironment(
            "vfolder_mounts", "VfolderMounts", static (text, _) => ValueParsers.SplitList(text), []);

        var given = options.VfolderMounts ?? [];
        return given
            .Select(static mount => mount?.Trim())
            .Where(static mount => !string.IsNullOrEmpty(mount))
            .Select(static mount => mount!)
            .Concat(fromVariable)
            .Distinct(StringComparer.Ordinal)
            .ToList()
            .AsReadOnly();
    }

    internal bool SkipSslCertValidation() =>
        options.SkipSslCertValidation ?? FromEnvironment(
            "skip_sslcert_validation", "SkipSslCertValidation", ValueParsers.ParseBoolean, false);

    internal TimeSpan ConnectionTimeout() =>
        Timeout(
            options.ConnectionTimeout,
            "connection_timeout",
            "ConnectionTimeout",
            ApiConfig.DefaultConnectionTimeout);

    internal TimeSpan ReadTimeout() =>
        Timeout(options.ReadTimeout, "read_timeout", "ReadTimeout", TimeSpan.Zero);

    internal LoadBalancingStrategy LoadBalancing() =>
        options.LoadBalancing ?? FromEnvironment(
            "load_balancing", "LoadBalancing", ValueParsers.ParseLoadBalancing, LoadBalancingStrategy.Failover);

    internal bool ShuffleEndpoints() =>
        options.ShuffleEndpoints ?? FromEnvironment(
            "endpoint_shuffle", "ShuffleEndpoints", ValueParsers.ParseBoolean, true);

    private static SettingOrigin Parameter(string property, string seedName) =>
        SettingOrigin.Parameter(property, seedName);

    private string Name(string? given, string seedName, string property)
    {
        var trimmed = given?.Trim();
        if (!string.IsNullOrEmpty(trimmed))
        {
            return CheckPrintable(trimmed, Parameter(property, seedName));
        }

        return FromEnvironment(seedName, property, static (text, origin) => CheckPrintable(text.Trim(), origin),
            "default");
    }

    /// <summary>
    /// Refuses control characters (line breaks above all): the domain and the access key travel in request
    /// headers, where a line break would start a header of its own.
    /// </summary>
    private static string CheckPrintable(string value, SettingOrigin origin) =>
        value.Any(char.IsControl)
            ? throw origin.Reject(value.ReplaceLineEndings("\\n"), "contains control characters such as line breaks",
                "printable text")
            : value;

    private TimeSpan Timeout(TimeSpan? given, string seedName, string property, TimeSpan defaultValue)
    {
        if (given is { } value)
        {
            return ValueParsers.CheckTimeout(value, Parameter(property, seedName));
        }

        return FromEnvironment(seedName, property, ValueParsers.ParseTimeout, defaultValue);
    }

    private T FromEnvironment<T>(string key, string property, Func<string, SettingOrigin, T> parse, T defaultValue)
    {
        var found = environment.Find(key);
        if (found is null || string.IsNullOrWhiteSpace(found.Value))
        {
            return defaultValue;
        }

        return parse(found.Value, SettingOrigin.Variable(found, property));
    }
}
