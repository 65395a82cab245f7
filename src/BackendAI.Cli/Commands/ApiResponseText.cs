using System.Text.Encodings.Web;
using System.Text.Json;
using BackendAI.Client.Transport;

namespace BackendAI.Cli.Commands;

/// <summary>Writes a response body: JSON indented for reading, or the body exactly as received.</summary>
internal static class ApiResponseText
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,

        // Standard output is not HTML: text in any script stays readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the body; nothing for an empty body.</summary>
    /// <param name="response">The response.</param>
    /// <param name="raw">Write the body as received instead of indenting JSON.</param>
    /// <param name="output">Where to write.</param>
    internal static void Write(ApiResponse response, bool raw, TextWriter output)
    {
        if (response.Body.IsEmpty)
        {
            return;
        }

        var text = raw ? response.Text : Pretty(response) ?? response.Text;
        output.Write(text);
        if (!text.EndsWith('\n'))
        {
            output.WriteLine();
        }
    }

    private static string? Pretty(ApiResponse response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            // Not JSON (plain text, HTML from a proxy): shown as it came.
            return null;
        }
    }
}
