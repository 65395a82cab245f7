using System.Text.Json.Nodes;

namespace BackendAI.TestServer.Emulation;

/// <summary>
/// Error answers shaped like the manager's: <c>application/problem+json</c> with type, title and msg.
/// </summary>
internal static class ManagerProblems
{
    public const string ContentType = "application/problem+json";

    private const string TypePrefix = "https://api.backend.ai/probs/";

    public static IResult Problem(int status, string kind, string title, string? msg = null)
    {
        var body = new JsonObject
        {
            ["type"] = TypePrefix + kind,
            ["title"] = title,
        };
        if (msg is not null)
        {
            body["msg"] = msg;
        }

        return Results.Json(body, contentType: ContentType, statusCode: status);
    }

    public static IResult BadRequest(string msg) =>
        Problem(StatusCodes.Status400BadRequest, "invalid-api-params", "Missing or invalid API parameters.", msg);

    public static IResult SessionNotFound(string name) =>
        Problem(StatusCodes.Status404NotFound, "session-not-found", "No such session.",
            $"No session named '{name}'.");

    public static IResult FolderNotFound(string name) =>
        Problem(StatusCodes.Status404NotFound, "vfolder-not-found", "No such virtual folder.",
            $"No virtual folder named '{name}'.");

    public static IResult FileNotFound(string path) =>
        Problem(StatusCodes.Status404NotFound, "vfolder-file-not-found", "No such file or directory.",
            $"No file or directory at '{path}'.");

    public static IResult FolderExists(string name) =>
        Problem(StatusCodes.Status409Conflict, "vfolder-already-exists",
            "The virtual folder already exists with the same name.", $"A virtual folder named '{name}' exists.");

    public static IResult AuthFailed(string msg) =>
        Problem(StatusCodes.Status401Unauthorized, "auth-failed", "Credential/signature mismatch.", msg);
}
