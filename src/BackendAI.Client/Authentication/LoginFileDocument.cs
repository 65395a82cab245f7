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

/// <summary>One stored login in the login file, keyed by its canonical, sorted endpoint list.</summary>
internal sealed class LoginFileEntry
{
    [JsonPropertyName("endpoints")]
    public required List<string> Endpoints { get; init; }

    [JsonPropertyName("cookieName")]
    public required string CookieName { get; init; }

    [JsonPropertyName("cookieValue")]
    public required string CookieValue { get; init; }

    [JsonPropertyName("sessionId")]
    public string? SessionId { get; init; }

    [JsonPropertyName("userName")]
    public string? UserName { get; init; }

    [JsonPropertyName("savedAt")]
    public required DateTimeOffset SavedAt { get; init; }
}

/// <summary>Source-generated, strict JSON handling for the login file: unknown members and nulls are refused.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowTrailingCommas = false,
    MaxDepth = 8)]
[JsonSerializable(typeof(LoginFileDocument))]
internal sealed partial class LoginFileJsonContext : JsonSerializerContext
{
}
