using System.Globalization;
using System.Text.Json;
using BackendAI.Client.Configuration;

namespace BackendAI.Client.Tests.Configuration;

/// <summary>Compares a configuration with a vector's "expect" object, field by field.</summary>
internal static class ConfigAssertions
{
    public static void Matches(JsonElement expect, ApiConfig config)
    {
        foreach (var field in expect.EnumerateObject())
        {
            var value = field.Value;
            switch (field.Name)
            {
                case "endpoints":
                    Assert.Equal(
                        value.EnumerateArray().Select(e => Canonical(new Uri(e.GetString()!))),
                        config.Endpoints.Select(Canonical));
                    break;
                case "endpoint_type":
                    Assert.Equal(value.GetString(), config.EndpointType.ToString().ToLowerInvariant());
                    break;
                case "domain":
                    Assert.Equal(value.GetString(), config.Domain);
                    break;
                case "group":
                    Assert.Equal(value.GetString(), config.Group);
                    break;
                case "storage_proxy_address_map":
                    var expected = value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
                    Assert.Equal(expected, config.StorageProxyAddressMap.ToDictionary());
                    break;
                case "version":
                    Assert.Equal(value.GetString(), config.Version);
                    break;
                case "access_key":
                    Assert.Equal(value.GetString(), config.AccessKey);
                    break;
                case "secret_key":
                    Assert.Equal(value.GetString(), config.SecretKey);
                    break;
                case "hash_type":
                    Assert.Equal(value.GetString(), config.HashType);
                    break;
                case "vfolder_mounts":
                    Assert.Equal(value.EnumerateArray().Select(e => e.GetString()!), config.VfolderMounts);
                    break;
                case "skip_sslcert_validation":
                    Assert.Equal(value.GetBoolean(), config.SkipSslCertValidation);
                    break;
                case "connection_timeout":
                    Assert.Equal(value.GetDouble(), config.ConnectionTimeout.TotalSeconds, 9);
                    break;
                case "read_timeout":
                    Assert.Equal(value.GetDouble(), config.ReadTimeout.TotalSeconds, 9);
                    break;
                case "is_anonymous":
                    Assert.Equal(value.GetBoolean(), config.IsAnonymous);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown expected field in the vector: {field.Name}");
            }
        }
    }

    /// <summary>
    /// The README's canonical form: scheme and host lower-case, host in ASCII, default port dropped, empty path
    /// as "/", path, query and fragment as written.
    /// </summary>
    public static string Canonical(Uri uri)
    {
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
        var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        var rest = uri.GetComponents(UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.UriEscaped);
        return $"{uri.Scheme}://{host.ToLowerInvariant()}{port}{rest}";
    }
}
