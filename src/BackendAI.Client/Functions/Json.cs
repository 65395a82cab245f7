using System.Globalization;
using System.Text.Json;

namespace BackendAI.Client.Functions;

/// <summary>Small readers for loosely shaped manager answers.</summary>
internal static class Json
{
    /// <summary>The string property <paramref name="name"/>, or null when absent or not a string.</summary>
    internal static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The integer property <paramref name="name"/>, or null when absent or not an integer.</summary>
    internal static int? Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;

    /// <summary>Renders any JSON value as display text: strings bare, everything else as JSON.</summary>
    internal static string Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? string.Empty,
        JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
        JsonValueKind.Number => element.GetRawText(),
        _ => element.GetRawText(),
    };

    /// <summary>Formats a boolean the way the manager's query parameters expect.</summary>
    internal static string Flag(bool value) => value.ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
}
