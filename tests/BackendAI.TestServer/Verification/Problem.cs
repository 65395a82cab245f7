using System.Text.Json.Nodes;

namespace BackendAI.TestServer.Verification;

/// <summary>
/// The manager's error answers (<c>application/problem+json</c> with <c>type</c>, <c>title</c>, <c>msg</c>).
/// </summary>
internal sealed record Problem(int Status, string Type, string Title, string? Message)
{
    private const string Prefix = "https://api.backend.ai/probs/";

    public static Problem InvalidAuthParameters(string message) =>
        new(400, Prefix + "invalid-auth-params", "Missing or invalid authorization parameters.", message);

    public static Problem AuthorizationFailed(string message) =>
        new(401, Prefix + "auth-failed", "Credential/signature mismatch.", message);

    public static Problem GenericBadRequest(string message) =>
        new(400, Prefix + "generic-bad-request", "Bad request.", message);

    public static Problem NotFound() => new(404, Prefix + "generic-not-found", "Unknown URL path.", null);

    /// <summary>Writes the problem document as the response.</summary>
    public Task WriteAsync(HttpResponse response)
    {
        var body = new JsonObject { ["type"] = Type, ["title"] = Title };
        if (Message is not null)
        {
            body["msg"] = Message;
        }

        response.StatusCode = Status;
        response.ContentType = "application/problem+json";
        return response.WriteAsync(body.ToJsonString());
    }
}
