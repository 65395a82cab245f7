using System.Text.Json;
using BackendAI.Client.Configuration;

namespace BackendAI.Client.Tests.Configuration;

/// <summary>Turns a vector's "args" (seed names) into <see cref="ApiConfigOptions"/>.</summary>
internal static class ConfigArguments
{
    private static readonly Dictionary<string, string> PropertyNames = new(StringComparer.Ordinal)
    {
        ["endpoint"] = nameof(ApiConfigOptions.Endpoint),
        ["endpoint_type"] = nameof(ApiConfigOptions.EndpointType),
        ["domain"] = nameof(ApiConfigOptions.Domain),
        ["group"] = nameof(ApiConfigOptions.Group),
        ["storage_proxy_address_map"] = nameof(ApiConfigOptions.StorageProxyAddressMap),
        ["version"] = nameof(ApiConfigOptions.Version),
        ["user_agent"] = nameof(ApiConfigOptions.UserAgent),
        ["access_key"] = nameof(ApiConfigOptions.AccessKey),
        ["secret_key"] = nameof(ApiConfigOptions.SecretKey),
        ["hash_type"] = nameof(ApiConfigOptions.HashType),
        ["vfolder_mounts"] = nameof(ApiConfigOptions.VfolderMounts),
        ["skip_sslcert_validation"] = nameof(ApiConfigOptions.SkipSslCertValidation),
        ["connection_timeout"] = nameof(ApiConfigOptions.ConnectionTimeout),
        ["read_timeout"] = nameof(ApiConfigOptions.ReadTimeout),
    };

    public static string PropertyName(string seedName) => PropertyNames[seedName];

    public static ApiConfigOptions ToOptions(JsonElement args)
    {
        var options = new ApiConfigOptions();
        foreach (var argument in args.EnumerateObject())
        {
            var value = argument.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (argument.Name)
            {
                case "endpoint" when value.ValueKind == JsonValueKind.Array:
                    options.Endpoints = Strings(value);
                    break;
                case "endpoint":
                    options.Endpoint = value.GetString();
                    break;
                case "endpoint_type":
                    options.EndpointType = value.GetString() is { Length: > 0 } type
                        ? Enum.Parse<EndpointType>(type, ignoreCase: true)
                        : null;
                    break;
                case "domain":
                    options.Domain = value.GetString();
                    break;
                case "group":
                    options.Group = value.GetString();
                    break;
                case "storage_proxy_address_map":
                    options.StorageProxyAddressMap = value.EnumerateObject()
                        .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
                    break;
                case "version":
                    options.Version = value.GetString();
                    break;
                case "user_agent":
                    options.UserAgent = value.GetString();
                    break;
                case "access_key":
                    options.AccessKey = value.GetString();
                    break;
                case "secret_key":
                    options.SecretKey = value.GetString();
                    break;
                case "hash_type":
                    options.HashType = value.GetString();
                    break;
                case "vfolder_mounts":
                    options.VfolderMounts = Strings(value);
                    break;
                case "skip_sslcert_validation":
                    options.SkipSslCertValidation = value.GetBoolean();
                    break;
                case "connection_timeout":
                    options.ConnectionTimeout = TimeSpan.FromSeconds(value.GetDouble());
                    break;
                case "read_timeout":
                    options.ReadTimeout = TimeSpan.FromSeconds(value.GetDouble());
                    break;
                default:
                    throw new InvalidOperationException($"Unknown argument in the vector: {argument.Name}");
            }
        }

        return options;
    }

    /// <summary>Every secret key the case's input holds, which no error message may contain.</summary>
    public static IEnumerable<string> SecretKeys(ConfigVector vector)
    {
        foreach (var (name, value) in vector.Environment())
        {
            if (name.EndsWith("SECRET_KEY", StringComparison.Ordinal) && value.Length > 0)
            {
                yield return value;
            }
        }

        if (vector.Args.TryGetProperty("secret_key", out var arg) && arg.GetString() is { Length: > 0 } secret)
        {
            yield return secret;
        }

        foreach (var line in vector.DotEnv?.Text.Split('\n') ?? [])
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && line[..equals].Contains("SECRET_KEY", StringComparison.Ordinal))
            {
                var value = line[(equals + 1)..].Trim().Trim('"', '\'');
                if (value.Length > 0)
                {
                    yield return value;
                }
            }
        }
    }

    private static List<string> Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
