using System.Text.Json.Nodes;
using BackendAI.Client.Configuration;

namespace BackendAI.Client.Functions.Sessions;

/// <summary>Builds the JSON body of <c>POST /session</c> from the caller's options and the configuration.</summary>
internal static class SessionRequestBody
{
    /// <summary>Builds the body; the caller's mount list is read, never changed.</summary>
    internal static JsonObject Build(SessionCreateOptions options, string name, ApiConfig config)
    {
        var containerConfig = new JsonObject
        {
            ["mounts"] = ToArray(MergeMounts(options.Mounts, config.VfolderMounts)),
            ["environ"] = ToObject(options.Environment),
            ["resources"] = ToObject(options.Resources),
        };
        if (options.ScalingGroup is not null)
        {
            containerConfig["scalingGroup"] = options.ScalingGroup;
        }

        var body = new JsonObject
        {
            ["image"] = options.Image,
            ["type"] = options.Type ?? "interactive",
            ["group"] = options.Group ?? config.Group,
            ["domain"] = options.Domain ?? config.Domain,
            ["config"] = containerConfig,
            ["clusterSize"] = options.ClusterSize,
            ["clusterMode"] = options.ClusterMode,
            ["enqueueOnly"] = options.EnqueueOnly,
            ["maxWaitSeconds"] = options.MaxWaitSeconds,
            ["reuseIfExists"] = options.ReuseIfExists,
        };
        body["name"] = name;
        AddIfSet(body, "startupCommand", options.StartupCommand);
        AddIfSet(body, "bootstrap_script", options.BootstrapScript);
        AddIfSet(body, "tag", options.Tag);
        AddIfSet(body, "architecture", options.Architecture);
        AddIfSet(body, "owner_access_key", options.OwnerAccessKey);
        return body;
    }

    /// <summary>The caller's mounts, then the configured ones, each once, in that order.</summary>
    internal static List<string> MergeMounts(IEnumerable<string> requested, IEnumerable<string> configured)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var merged = new List<string>();
        foreach (var mount in requested.Concat(configured))
        {
            if (!string.IsNullOrWhiteSpace(mount) && seen.Add(mount))
            {
                merged.Add(mount);
            }
        }

        return merged;
    }

    private static void AddIfSet(JsonObject body, string name, string? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }

    private static JsonArray ToArray(IEnumerable<string> values) =>
        new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static JsonObject ToObject(IDictionary<string, string> values)
    {
        var result = new JsonObject();
        foreach (var (key, value) in values)
        {
            result[key] = value;
        }

        return result;
    }
}
