using System.Text.Json.Serialization;

namespace BackendAI.Client.Authentication;

/// <summary>The login file as written on disk: a format marker, a version and one entry per endpoint list.</summary>
internal sealed class LoginFileDocument
{
    /// <summary>The value of <see cref="Format"/> in every file this client writes.</summary>
    internal const string FormatName = "backend.ai-dotnet-logins";

    /// <summary>The only version this client reads and writes.</summary>
    internal const int CurrentVersion = 1;

    [JsonPropertyName("format")]
    public required string Format { get; init; }

    [JsonPropertyName("version")]
    public required int Version { get; init; }

    [JsonPropertyName("logins")]
    public required List<LoginFileEntry> Logins { get; init; }
}
