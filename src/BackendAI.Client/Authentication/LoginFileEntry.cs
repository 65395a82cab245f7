using System.Text.Json.Serialization;

namespace BackendAI.Client.Authentication;

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
