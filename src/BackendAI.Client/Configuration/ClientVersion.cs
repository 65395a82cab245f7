using System.Reflection;

namespace BackendAI.Client.Configuration;

/// <summary>The library's own version, as shown in the default <c>User-Agent</c>.</summary>
internal static class ClientVersion
{
    internal static string Value { get; } = Read();

    internal static string DefaultUserAgent { get; } = $"Backend.AI Client for .NET {Value}";

    private static string Read()
    {
        var assembly = typeof(ClientVersion).Assembly;
        var informational = assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

        // The SDK appends "+<commit>" to the informational version; the header carries the release only.
        var version = informational?.Split('+')[0];
        return string.IsNullOrEmpty(version) ? assembly.GetName().Version?.ToString(3) ?? "0.0.0" : version;
    }
}
