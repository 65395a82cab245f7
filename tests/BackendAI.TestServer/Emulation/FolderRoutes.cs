using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BackendAI.TestServer.Emulation;

/// <summary>The manager's virtual-folder routes: list, create, info, delete, rename.</summary>
internal static partial class FolderRoutes
{
    public static void Map(IEndpointRouteBuilder routes, EmulationState state)
    {
        routes.MapGet("/folders", EmulationRequest.Handler(context => ListAsync(context, state)));
        routes.MapPost("/folders", EmulationRequest.Handler(context => CreateAsync(context, state)));
        routes.MapGet("/folders/{name}", (HttpContext context, string name) => InfoAsync(context, state, name));
        routes.MapDelete("/folders/{name}", (HttpContext context, string name) =>
            DeleteAsync(context, state, name));
        routes.MapPost("/folders/{name}/rename", (HttpContext context, string name) =>
            RenameAsync(context, state, name));
    }

    internal static JsonObject Describe(EmulatedFolder folder)
    {
        var files = Directory.EnumerateFiles(folder.DirectoryPath, "*", SearchOption.AllDirectories)
            .Select(f => new FileInfo(f))
            .ToList();
        return new JsonObject
        {
            ["id"] = folder.Id.ToString("N"),
            ["name"] = folder.Name,
            ["host"] = folder.Host,
            ["quota_scope_id"] = "user:" + folder.Id.ToString(),
            ["usage_mode"] = folder.UsageMode,
            ["permission"] = folder.Permission,
            ["cloneable"] = folder.Cloneable,
            ["is_owner"] = true,
            ["ownership_type"] = folder.Group is null ? "user" : "group",
            ["group"] = folder.Group,
            ["creator"] = folder.Creator,
            ["unmanaged_path"] = folder.UnmanagedPath,
            ["status"] = "ready",
            ["type"] = folder.Group is null ? "user" : "group",
            ["created_at"] = folder.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["num_files"] = files.Count,
            ["cur_size"] = files.Sum(f => f.Length),
            ["max_size"] = 0,
        };
    }

    private static async Task<IResult> ListAsync(HttpContext context, EmulationState state)
    {
        var (_, error) = await EmulationRequest.ReadAsync(context, state);
        if (error is not null)
        {
            return error;
        }

        return Results.Json(new JsonArray([.. state.Folders.OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(Describe)]));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, EmulationState state)
    {
        var (body, error) = await EmulationRequest.ReadAsync(context, state);
        if (error is not null)
        {
            return error;
        }

        var name = EmulationRequest.String(body, "name");
        if (name is null || !FolderName().IsMatch(name))
        {
            return ManagerProblems.BadRequest(
                $"Invalid folder name '{name}': use 1-64 letters, digits, '-', '_' or '.', "
                + "not starting with '.'.");
        }

        var permission = EmulationRequest.String(body, "permission") ?? "rw";
        var usageMode = EmulationRequest.String(body, "usage_mode") ?? "general";
        if (permission is not ("ro" or "rw" or "wd") || usageMode is not ("general" or "model" or "data"))
        {
            return ManagerProblems.BadRequest(
                $"Invalid permission '{permission}' or usage_mode '{usageMode}'.");
        }

        var folder = state.TryAddFolder(name, path => new EmulatedFolder(name, path)
        {
            Host = EmulationRequest.String(body, "host") ?? "local:volume1",
            UsageMode = usageMode,
            Permission = permission,
            Cloneable = EmulationRequest.Bool(body, "cloneable") ?? false,
            Group = EmulationRequest.String(body, "group"),
            UnmanagedPath = EmulationRequest.String(body, "unmanaged_path"),
        });
        return folder is null
            ? ManagerProblems.FolderExists(name)
            : Results.Json(Describe(folder), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> InfoAsync(HttpContext context, EmulationState state, string name)
    {
        var (_, error) = await EmulationRequest.ReadAsync(context, state);
        if (error is not null)
        {
            return error;
        }

        return state.FindFolder(name) is { } folder
            ? Results.Json(Describe(folder))
            : ManagerProblems.FolderNotFound(name);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, EmulationState state, string name)
    {
        var (_, error) = await EmulationRequest.ReadAsync(context, state);
        if (error is not null)
        {
            return error;
        }

        if (state.RemoveFolder(name) is not { } folder)
        {
            return ManagerProblems.FolderNotFound(name);
        }

        Directory.Delete(folder.DirectoryPath, recursive: true);
        return Results.NoContent();
    }

    private static async Task<IResult> RenameAsync(HttpContext context, EmulationState state, string name)
    {
        var (body, error) = await EmulationRequest.ReadAsync(context, state);
        if (error is not null)
        {
            return error;
        }

        var newName = EmulationRequest.String(body, "new_name");
        if (newName is null || !FolderName().IsMatch(newName))
        {
            return ManagerProblems.BadRequest($"Invalid new_name '{newName}'.");
        }

        if (state.FindFolder(name) is not { } folder)
        {
            return ManagerProblems.FolderNotFound(name);
        }

        return state.TryRenameFolder(folder, newName)
            ? Results.StatusCode(StatusCodes.Status201Created)
            : ManagerProblems.FolderExists(newName);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-][A-Za-z0-9_\-.]{0,63}$")]
    private static partial Regex FolderName();
}
