using System.Net;
using System.Text.Json;

namespace BackendAI.Client.Transport;

/// <summary>Turns an error answer into the matching exception, keeping the problem document or the raw text.</summary>
internal static class ErrorMapper
{
    /// <summary>Builds the exception for a non-success answer.</summary>
    /// <param name="response">The response (headers are read; the body was read into <paramref name="body"/>).</param>
    /// <param name="endpoint">The endpoint that answered.</param>
    /// <param name="body">The body as text.</param>
    /// <returns>A redirect or API exception.</returns>
    internal static BackendAIApiException ToException(HttpResponseMessage response, Uri endpoint, string body)
    {
        var status = response.StatusCode;
        if ((int)status is >= 300 and < 400)
        {
            var location = response.Headers.Location;
            if (location is not null && !location.IsAbsoluteUri)
            {
                location = new Uri(endpoint, location);
            }

            return new BackendAIRedirectException(status, endpoint, location, body);
        }

        var problem = TryParseProblem(body);
        return new BackendAIApiException(Describe(status, response.ReasonPhrase, endpoint, problem, body),
            status, endpoint, problem, body);
    }

    /// <summary>Reads the problem fields from a JSON error body; null when the body is not a JSON object.</summary>
    internal static ProblemDocument? TryParseProblem(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new ProblemDocument(
                StringOf(root, "type"),
                StringOf(root, "title"),
                StringOf(root, "msg") ?? StringOf(root, "detail"),
                root.TryGetProperty("data", out var data) ? data.Clone() : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Describe(
        HttpStatusCode status, string? reason, Uri endpoint, ProblemDocument? problem, string body)
    {
        var head = $"{(int)status} {reason} from {endpoint}";
        if (problem is null)
        {
            var text = body.Length <= 500 ? body : body[..500] + "…";
            return string.IsNullOrWhiteSpace(text) ? head : $"{head}: {text}";
        }

        var detail = problem.Message is null ? problem.Title : $"{problem.Title} {problem.Message}";
        return $"{head}: {detail} ({problem.Type})";
    }
}
