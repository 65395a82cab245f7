using System.Text.Json.Nodes;

namespace BackendAI.TestServer.Emulation;

/// <summary>The manager's upload and download ticket routes, which hand out a storage-proxy token and URL.</summary>
internal static class TransferTicketRoutes
{
    public static void Map(IEndpointRouteBuilder routes, EmulationState state)
    {
        routes.MapPost("/folders/{name}/request-upload", FolderFileRoutes.Wrap(state, (context, folder, body) =>
            Task.FromResult(RequestUpload(context, state, folder, body))));
        routes.MapPost("/folders/{name}/request-download", FolderFileRoutes.Wrap(state, (context, folder, body) =>
            Task.FromResult(RequestDownload(context, state, folder, body))));
    }

    private static IResult RequestUpload(
        HttpContext context, EmulationState state, EmulatedFolder folder, JsonObject body)
    {
        var path = EmulationRequest.String(body, "path");
        var size = EmulationRequest.Long(body, "size");
        var target = FolderPaths.Resolve(folder, path);
        if (target is null || size is null or < 0)
        {
            return ManagerProblems.BadRequest($"Invalid path '{path}' or size '{body["size"]?.ToJsonString()}'.");
        }

        if (Directory.Exists(target))
        {
            return ManagerProblems.BadRequest($"'{path}' is a directory.");
        }

        var token = state.IssueTicket(isUpload: true, folder, FolderPaths.Normalize(path!), size.Value);
        return Answer(context, state, token, "upload");
    }

    private static IResult RequestDownload(
        HttpContext context, EmulationState state, EmulatedFolder folder, JsonObject body)
    {
        var path = EmulationRequest.String(body, "path");
        var target = FolderPaths.Resolve(folder, path);
        if (target is null)
        {
            return ManagerProblems.BadRequest($"Invalid path '{path}'.");
        }

        if (Directory.Exists(target))
        {
            return ManagerProblems.BadRequest($"'{path}' is a directory; only files can be downloaded here.");
        }

        if (!File.Exists(target))
        {
            return ManagerProblems.FileNotFound(path!);
        }

        var token = state.IssueTicket(isUpload: false, folder, FolderPaths.Normalize(path!), 0);
        return Answer(context, state, token, "download");
    }

    private static IResult Answer(HttpContext context, EmulationState state, string token, string action)
    {
        var request = context.Request;
        var baseUrl = state.StorageProxyPublicUrl?.ToString() ?? $"{request.Scheme}://{request.Host}";
        return Results.Json(new JsonObject
        {
            ["token"] = token,
            ["url"] = baseUrl.TrimEnd('/') + "/" + action,
        });
    }
}
