using System.Globalization;
using System.Text.Json;

namespace BackendAI.Cli.Rendering;

/// <summary>Turns loosely shaped manager answers into display text for tables and property lists.</summary>
internal static class JsonDisplay
{
    /// <summary>
    /// Renders a value: strings bare, null as empty, arrays of plain values joined with commas, anything else
    /// as compact JSON.
    /// </summary>
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Array when value.EnumerateArray().All(IsPlain) =>
            string.Join(", ", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };

    /// <summary>Renders the property <paramref name="name"/> of an object; empty when it is absent.</summary>
    public static string Property(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value)
            ? Text(value)
            : string.Empty;

    /// <summary>Renders a size property as bytes for people (<c>1.5 MiB</c>); other values as they are.</summary>
    public static string Size(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var bytes)
            ? ByteSize.Format(bytes)
            : Property(item, name);

    /// <summary>Renders an ISO 8601 time as <c>yyyy-MM-dd HH:mm:ss</c> UTC; other text as it is.</summary>
    public static string Time(JsonElement item, string name)
    {
        var text = Property(item, name);
        var styles = DateTimeStyles.AssumeUniversal;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var time)
            ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : text;
    }

    private static bool IsPlain(JsonElement value) =>
        value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True
            or JsonValueKind.False or JsonValueKind.Null;
}
