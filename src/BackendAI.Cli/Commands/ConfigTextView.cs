using System.Globalization;
using System.Reflection;
using BackendAI.Client.Configuration;

namespace BackendAI.Cli.Commands;

/// <summary>Renders a configuration, the server's versions and the login as aligned lines.</summary>
internal static class ConfigTextView
{
    private const int LabelWidth = 24;

    internal static void Write(ApiConfig config, ConfigServerStatus status, TextWriter output)
    {
        var mode = config.EndpointType == EndpointType.Api ? "api" : "session";
        var endpoint = config.Endpoint is null ? "(not set)" : $"{config.Endpoint.AbsoluteUri} ({mode} mode)";
        Line(output, "Endpoint", endpoint);
        if (config.Endpoints.Count > 1)
        {
            Line(output, "All endpoints", string.Join(", ", config.Endpoints.Select(e => e.AbsoluteUri)));
            Line(output, "Load balancing", LoadBalancingName(config.LoadBalancing));
            Line(output, "Endpoint order", config.ShuffleEndpoints ? "shuffled once" : "as configured");
        }

        Line(output, "Client version", $"{LibraryVersion()} (API version {config.Version})");
        Line(output, "User agent", config.UserAgent);
        if (status.Contacted)
        {
            Line(output, "Server", ServerText(status));
            Line(output, "Negotiated API version", status.NegotiatedVersion
                ?? $"(not negotiated; requests use {config.Version})");
        }

        Line(output, "Domain", config.Domain);
        Line(output, "Group", config.Group);
        if (config.EndpointType == EndpointType.Api)
        {
            Line(output, "Access key", config.IsAnonymous ? "(none: requests are not signed)" : config.AccessKey);
            var secret = config.SecretKey.Length == 0 ? "(not set)" : SecretRedaction.Mask(config.SecretKey);
            Line(output, "Secret key", secret);
            Line(output, "Signature hash type", config.HashType);
        }
        else
        {
            Line(output, "Logged in as", status.LoginProblem is not null
                ? $"(the kept login cannot be read: {status.LoginProblem})"
                : status.LoggedInUser ?? "(not logged in; run 'backend.ai login')");
        }

        Line(output, "Skip TLS verification", config.SkipSslCertValidation ? "yes" : "no");
        Line(output, "Connection timeout", Seconds(config.ConnectionTimeout));
        Line(output, "Read timeout", Seconds(config.ReadTimeout));
        var mounts = config.VfolderMounts.Count == 0 ? "(none)" : string.Join(", ", config.VfolderMounts);
        Line(output, "Virtual folder mounts", mounts);
        if (config.StorageProxyAddressMap.Count > 0)
        {
            var overrides = config.StorageProxyAddressMap.Select(static p => $"{p.Key} -> {p.Value}");
            Line(output, "Storage proxy overrides", string.Join(", ", overrides));
        }

        Line(output, ".env file", config.Environment.DotEnvPath ?? "(none found)");
    }

    internal static string LoadBalancingName(LoadBalancingStrategy strategy) => strategy switch
    {
        LoadBalancingStrategy.RoundRobin => "round_robin",
        LoadBalancingStrategy.LowestLatency => "lowest_latency",
        _ => "failover",
    };

    private static string ServerText(ConfigServerStatus status) => status.Answered
        ? $"API {status.ServerVersion ?? "(version not reported)"} (manager {status.ManagerVersion ?? "unknown"})"
        : "(failed to fetch)";

    private static string Seconds(TimeSpan value) => value == TimeSpan.Zero
        ? "no limit"
        : value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static string LibraryVersion()
    {
        var version = typeof(ApiConfig).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return version?.Split('+')[0] ?? "unknown";
    }

    private static void Line(TextWriter output, string label, string value) =>
        output.WriteLine($"{label.PadRight(LabelWidth)}{value}");
}
