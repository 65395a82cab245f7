using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BackendAI.Client.Configuration;

namespace BackendAI.Cli.Commands;

/// <summary>
/// Renders a configuration as one JSON object (seed names as keys; timeouts in seconds, 0 = no limit), with the
/// server's versions and the logged-in user (null when unknown).
/// </summary>
internal static class ConfigJsonView
{
    internal static void Write(ApiConfig config, ConfigServerStatus status, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,

            // Standard output is not HTML: names in any script stay readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteString("endpoint", config.Endpoint?.AbsoluteUri);
            WriteArray(json, "endpoints", config.Endpoints.Select(e => e.AbsoluteUri));
            json.WriteString("endpoint_type", config.EndpointType == EndpointType.Api ? "api" : "session");
            json.WriteString("load_balancing", ConfigTextView.LoadBalancingName(config.LoadBalancing));
            json.WriteBoolean("shuffle_endpoints", config.ShuffleEndpoints);
            json.WriteString("domain", config.Domain);
            json.WriteString("group", config.Group);

            json.WriteStartObject("storage_proxy_address_map");
            foreach (var (from, to) in config.StorageProxyAddressMap)
            {
                json.WriteString(from, to);
            }

            json.WriteEndObject();
            json.WriteString("version", config.Version);
            json.WriteString("user_agent", config.UserAgent);
            json.WriteString("access_key", config.AccessKey);
            json.WriteString("secret_key", SecretRedaction.Mask(config.SecretKey));
            json.WriteString("hash_type", config.HashType);
            WriteArray(json, "vfolder_mounts", config.VfolderMounts);
            json.WriteBoolean("skip_sslcert_validation", config.SkipSslCertValidation);
            json.WriteNumber("connection_timeout", config.ConnectionTimeout.TotalSeconds);
            json.WriteNumber("read_timeout", config.ReadTimeout.TotalSeconds);
            json.WriteBoolean("is_anonymous", config.IsAnonymous);

            json.WriteString("server_version", status.ServerVersion);
            json.WriteString("manager_version", status.ManagerVersion);
            json.WriteString("negotiated_version", status.NegotiatedVersion);
            json.WriteString("logged_in_user", status.LoggedInUser);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
