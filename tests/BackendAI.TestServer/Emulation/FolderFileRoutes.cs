using System.Globalization;
using System.Text.Json.Nodes;

namespace BackendAI.TestServer.Emulation;

/// <summary>The manager's routes for files inside a folder: list, mkdir, rename, move, delete.</summary>
internal static class FolderFileRoutes
{
    public static void Map(IEndpointRouteBuilder routes, EmulationState state)
    {
        routes.MapGet("/folders/{name}/files", Wrap(state, ListAsync));
        routes.MapPost("/folders/{name}/mkdir", Wrap(state, MkdirAsync));
        routes.MapPost("/folders/{name}/rename-file", Wrap(state, RenameFileAsync));
        routes.MapPost("/folders/{name}/move-file", Wrap(state, MoveFileAsync));
        routes.MapDelete("/folders/{name}/delete-files", Wrap(state, DeleteFilesAsync));
    }

    /// <summary>Reads and records the body and finds the folder before the handler runs.</summary>
    internal static Func<HttpContext, string, Task<IResult>> Wrap(
        EmulationState state, Func<HttpContext, EmulatedFolder, JsonObject, Task<IResult>> handler) =>
        async (context, name) =>
        {
            var (body, error) = await EmulationRequest.ReadAsync(context, state);
            if (error is not null)
            {
                return error;
            }

            return state.FindFolder(name) is { } folder
                ? await handler(context, folder, body)
                : ManagerProblems.FolderNotFound(name);
        };

    private static Task<IResult> ListAsync(HttpContext context, EmulatedFolder folder, JsonObject body)
    {
        var relative = context.Request.Query["path"].ToString();
        var directory = FolderPaths.Resolve(folder, relative, allowRoot: true);
        if (directory is null || !Directory.Exists(directory))
        {
            return Task.FromResult(ManagerProblems.FileNotFound(relative));
        }

        var items = new JsonArray();
        var entries = new DirectoryInfo(directory).EnumerateFileSystemInfos();
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            items.Add(new JsonObject
            {
                ["name"] = entry.Name,
                ["type"] = entry is DirectoryInfo ? "DIRECTORY" : "FILE",
                ["size"] = entry is FileInfo file ? file.Length : 0,
                ["mode"] = entry is DirectoryInfo ? "drwxr-xr-x" : "-rw-r--r--",
                ["created"] = entry.CreationTimeUtc.ToString("O", CultureInfo.InvariantCulture),
                ["modified"] = entry.LastWriteTimeUtc.ToString("O", CultureInfo.InvariantCulture),
            });
        }

        // 24.03 answers the same list twice: as "items" and, for older clients, as a JSON string in "files".
        return Task.FromResult(Results.Json(new JsonObject
        {
            ["items"] = items,
            ["files"] = items.ToJsonString(),
        }));
    }

    private static Task<IResult> MkdirAsync(HttpContext context, EmulatedFolder folder, JsonObject body)
    {
        var paths = EmulationRequest.StringList(body, "path");
        if (paths is null || paths.Count == 0 || paths.Count > 50)
        {
            return Task.FromResult(
                ManagerProblems.BadRequest("'path' must be a path or a list of 1 to 50 paths."));
        }

        var parents = EmulationRequest.Bool(body, "parents") ?? true;
        var existOk = EmulationRequest.Bool(body, "exist_ok") ?? false;
        var success = new JsonArray();
        var failed = new JsonArray();
        foreach (var path in paths)
        {
            var message = MakeDirectory(folder, path, parents, existOk);
            var item = new JsonObject { ["item"] = path, ["msg"] = message };
            (message is null ? success : failed).Add(item);
        }

        var status = failed.Count == 0 ? StatusCodes.Status201Created
            : success.Count == 0 ? StatusCodes.Status422UnprocessableEntity
            : StatusCodes.Status207MultiStatus;
        var results = new JsonObject { ["success"] = success, ["failed"] = failed };
        return Task.FromResult(Results.Json(new JsonObject { ["results"] = results }, statusCode: status));
    }

    private static string? MakeDirectory(EmulatedFolder folder, string path, bool parents, bool existOk)
    {
        var target = FolderPaths.Resolve(folder, path);
        if (target is null)
        {
            return $"Invalid path '{path}'.";
        }

        if (Directory.Exists(target) || File.Exists(target))
        {
            return existOk && Directory.Exists(target) ? null : $"'{path}' already exists.";
        }

        if (!parents && !Directory.Exists(Path.GetDirectoryName(target)))
        {
            return $"The parent of '{path}' does not exist (parents is false).";
        }

        Directory.CreateDirectory(target);
        return null;
    }

    private static Task<IResult> RenameFileAsync(HttpContext context, EmulatedFolder folder, JsonObject body)
    {
        var targetPath = EmulationRequest.String(body, "target_path");
        var newName = EmulationRequest.String(body, "new_name");
        var source = FolderPaths.Resolve(folder, targetPath);
        if (source is null || string.IsNullOrEmpty(newName) || newName.Contains('/', StringComparison.Ordinal)
            || newName is "." or "..")
        {
            return Task.FromResult(ManagerProblems.BadRequest(
                $"Invalid target_path '{targetPath}' or new_name '{newName}' (a name, without '/')."));
        }

        var destination = Path.Combine(Path.GetDirectoryName(source)!, newName);
        return Task.FromResult(Move(source, destination, targetPath!, newName));
    }

    private static Task<IResult> MoveFileAsync(HttpContext context, EmulatedFolder folder, JsonObject body)
    {
        var src = EmulationRequest.String(body, "src");
        var dst = EmulationRequest.String(body, "dst");
        var source = FolderPaths.Resolve(folder, src);
        var destination = FolderPaths.Resolve(folder, dst, allowRoot: true);
        if (source is null || destination is null)
        {
            return Task.FromResult(ManagerProblems.BadRequest($"Invalid src '{src}' or dst '{dst}'."));
        }

        if (Directory.Exists(destination))
        {
            destination = Path.Combine(destination, Path.GetFileName(source));
        }

        return Task.FromResult(Move(source, destination, src!, dst!));
    }

    private static IResult Move(string source, string destination, string sourceName, string destinationName)
    {
        if (!File.Exists(source) && !Directory.Exists(source))
        {
            return ManagerProblems.FileNotFound(sourceName);
        }

        if (File.Exists(destination) || Directory.Exists(destination))
        {
            return ManagerProblems.Problem(StatusCodes.Status409Conflict, "vfolder-file-exists",
                "The destination already exists.", $"'{destinationName}' already exists.");
        }

        if (!Directory.Exists(Path.GetDirectoryName(destination)))
        {
            return ManagerProblems.FileNotFound(destinationName);
        }

        if (Directory.Exists(source))
        {
            Directory.Move(source, destination);
        }
        else
        {
            File.Move(source, destination);
        }

        return Results.Json(new JsonObject());
    }

    private static Task<IResult> DeleteFilesAsync(HttpContext context, EmulatedFolder folder, JsonObject body)
    {
        var files = EmulationRequest.StringList(body, "files");
        var recursive = EmulationRequest.Bool(body, "recursive") ?? false;
        if (files is null || files.Count == 0)
        {
            return Task.FromResult(ManagerProblems.BadRequest("'files' must list at least one path."));
        }

        var targets = files.Select(f => (Name: f, Path: FolderPaths.Resolve(folder, f))).ToList();
        if (targets.FirstOrDefault(t => t.Path is null) is { Name: { } bad })
        {
            return Task.FromResult(ManagerProblems.BadRequest($"Invalid path '{bad}'."));
        }

        if (targets.FirstOrDefault(t => !File.Exists(t.Path) && !Directory.Exists(t.Path)) is { Name: { } gone })
        {
            return Task.FromResult(ManagerProblems.FileNotFound(gone));
        }

        if (!recursive && targets.FirstOrDefault(t => Directory.Exists(t.Path)) is { Name: { } dir })
        {
            return Task.FromResult(
                ManagerProblems.BadRequest($"'{dir}' is a directory; set recursive to delete it."));
        }

        foreach (var (_, path) in targets)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path!, recursive: true);
            }
            else
            {
                File.Delete(path!);
            }
        }

        return Task.FromResult(Results.Json(new JsonObject()));
    }
}
