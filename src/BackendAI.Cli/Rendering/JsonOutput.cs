using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackendAI.Cli.Rendering;

/// <summary>Writes the one JSON document a command prints with <c>--output json</c>.</summary>
internal static class JsonOutput
{
    // Text is written as the server sent it ('+', '<', non-Latin letters unescaped): this is a terminal or a
    // pipe, not an HTML page.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="document"/>, indented, followed by a line break.</summary>
    public static void Write(TextWriter writer, JsonNode? document)
    {
        writer.WriteLine(document?.ToJsonString(Indented) ?? "null");
        writer.Flush();
    }

    /// <summary>Writes a manager answer as it came, indented, followed by a line break.</summary>
    public static void Write(TextWriter writer, JsonElement document) => Write(writer, ToNode(document));

    /// <summary>Converts a manager answer into a node that can be placed inside a larger document.</summary>
    public static JsonNode? ToNode(JsonElement value) =>
        value.ValueKind == JsonValueKind.Undefined ? null : JsonNode.Parse(value.GetRawText());
}
