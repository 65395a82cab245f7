using Microsoft.Net.Http.Headers;

namespace BackendAI.TestServer.Emulation;

/// <summary>
/// The emulated storage proxy: a tus 1.0.0 upload at <c>/upload?token=</c> that streams to disk, and a download
/// at <c>/download?token=</c> with <c>Range</c>, <c>If-Range</c> and <c>ETag</c>. Tokens come from the manager's
/// <c>request-upload</c> and <c>request-download</c>; connection cuts come from <see cref="EmulationState.Faults"/>.
/// </summary>
public static class StorageProxyRoutes
{
    /// <summary>Maps the storage-proxy routes.</summary>
    /// <param name="app">The application or route group to map onto.</param>
    /// <param name="state">The state holding the tokens, folders and faults.</param>
    public static void Map(IEndpointRouteBuilder app, EmulationState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);

        app.MapMethods("/upload", [HttpMethods.Options],
            EmulationRequest.Handler(context => TusUpload.Options(context, state)));
        app.MapMethods("/upload", [HttpMethods.Head],
            EmulationRequest.Handler(context => TusUpload.Head(context, state)));
        app.MapMethods("/upload", [HttpMethods.Patch],
            EmulationRequest.Handler(context => TusUpload.PatchAsync(context, state)));
        app.MapMethods("/download", [HttpMethods.Get, HttpMethods.Head], EmulationRequest.Handler(context =>
            Download(context, state)));
    }

    private static IResult Download(HttpContext context, EmulationState state)
    {
        EmulationRequest.Record(context, state, null);

        var ticket = state.FindTicket(context.Request.Query["token"]);
        if (ticket is null || ticket.IsUpload)
        {
            return ManagerProblems.Problem(StatusCodes.Status404NotFound, "invalid-token",
                "Invalid or expired download token.");
        }

        var path = FolderPaths.Resolve(ticket.Folder, ticket.RelativePath);
        var info = path is null ? null : new FileInfo(path);
        if (info is null || !info.Exists)
        {
            return ManagerProblems.FileNotFound(ticket.RelativePath);
        }

        var share = FileShare.ReadWrite | FileShare.Delete;
        var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, share,
            bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        Stream body = state.Faults.PendingDownloadCut is { } cut
            ? new CuttingReadStream(stream, cut, state.Faults, context)
            : stream;
        var etag = new EntityTagHeaderValue(
            $"\"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}\"");
        return Results.Stream(body, "application/octet-stream", info.Name,
            new DateTimeOffset(info.LastWriteTimeUtc), etag, enableRangeProcessing: true);
    }
}
