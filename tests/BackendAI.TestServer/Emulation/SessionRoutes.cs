using System.Globalization;
using System.Text.Json.Nodes;

namespace BackendAI.TestServer.Emulation;

/// <summary>The manager's compute-session routes: get-or-create, info, destroy, restart, logs.</summary>
internal static class SessionRoutes
{
    public static void Map(IEndpointRouteBuilder routes, EmulationState state)
    {
        routes.MapPost("/session", EmulationRequest.Handler(context => CreateAsync(context, state)));
        routes.MapGet("/session/{name}", (HttpContext context, string name) => InfoAsync(context, state, name));
        routes.MapDelete("/session/{name}", (HttpContext context, string name) =>
            DestroyAsync(context, state, name));
        routes.MapPatch("/session/{name}", (HttpContext context, string name) =>
            RestartAsync(context, state, name));
        routes.MapGet("/session/{name}/logs", (HttpContext context, string name) =>
            LogsAsync(context, state, name));
        routes.MapPost("/session/{name}", (HttpContext context, string name) =>
            ExecuteRoute.ExecuteAsync(context, state, name));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, EmulationState state)
    {
        var (body, error) = await EmulationRequest.ReadAsync(context, state);
        if (error is not null)
        {
            return error;
        }

        var image = EmulationRequest.String(body, "image");
        var name = EmulationRequest.String(body, "name")
            ?? EmulationRequest.String(body, "clientSessionToken")
            ?? EmulationRequest.String(body, "sessionName");
        if (string.IsNullOrWhiteSpace(image) || string.IsNullOrWhiteSpace(name))
        {
            return ManagerProblems.BadRequest("Both 'image' and 'name' are required.");
        }

        var config = body["config"] as JsonObject ?? [];
        var mounts = EmulationRequest.StringList(config, "mounts") ?? [];
        var missing = state.RequireMountedFoldersExist
            ? mounts.FirstOrDefault(m => state.FindFolder(m) is null)
            : null;
        if (missing is not null)
        {
            return ManagerProblems.FolderNotFound(missing);
        }

        var reuse = EmulationRequest.Bool(body, "reuseIfExists") ?? true;
        var enqueueOnly = EmulationRequest.Bool(body, "enqueueOnly") ?? false;
        var (session, created) = state.GetOrAddSession(name, () =>
            new EmulatedSession(
                name,
                image,
                EmulationRequest.String(body, "type") ?? "interactive",
                EmulationRequest.String(body, "domain") ?? "default",
                EmulationRequest.String(body, "group") ?? "default")
            {
                Mounts = mounts,
                Environ = ReadEnviron(config),
                CreationBody = body.ToJsonString(),
                Status = enqueueOnly ? "PENDING" : "RUNNING",
            });

        if (!created && !reuse)
        {
            return ManagerProblems.Problem(StatusCodes.Status409Conflict, "session-already-exists",
                "The session already exists.", $"A session named '{name}' exists and reuseIfExists is false.");
        }

        var answer = new JsonObject
        {
            ["sessionId"] = session.Id.ToString(),
            ["sessionName"] = session.Name,
            ["status"] = session.Status,
            ["servicePorts"] = ServicePorts(session),
            ["created"] = created,
        };
        return Results.Json(answer, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> InfoAsync(HttpContext context, EmulationState state, string name)
    {
        var (_, error) = await EmulationRequest.ReadAsync(context, state);
        if (error is not null)
        {
            return error;
        }

        if (state.FindSession(name) is not { } session)
        {
            return ManagerProblems.SessionNotFound(name);
        }

        var info = new JsonObject
        {
            ["sessionId"] = session.Id.ToString(),
            ["sessionName"] = session.Name,
            ["image"] = session.Image,
            ["type"] = session.Type,
            ["domainName"] = session.Domain,
            ["groupName"] = session.Group,
            ["status"] = session.Status,
            ["mounts"] = new JsonArray([.. session.Mounts.Select(m => JsonValue.Create(m))]),
            ["environ"] = new JsonObject(session.Environ.Select(e =>
                KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value)))),
            ["creationTime"] = session.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["numQueriesExecuted"] = session.QueriesExecuted,
            ["servicePorts"] = ServicePorts(session),
        };
        return Results.Json(info);
    }

    private static async Task<IResult> DestroyAsync(HttpContext context, EmulationState state, string name)
    {
        var (_, error) = await EmulationRequest.ReadAsync(context, state);
        if (error is not null)
        {
            return error;
        }

        if (!EmulationRequest.TryQueryFlag(context.Request, "forced", false, out _))
        {
            return ManagerProblems.BadRequest($"Invalid 'forced' value '{context.Request.Query["forced"]}'.");
        }

        return state.RemoveSession(name) is null
            ? ManagerProblems.SessionNotFound(name)
            : Results.Json(new JsonObject { ["stats"] = new JsonObject() });
    }

    private static async Task<IResult> RestartAsync(HttpContext context, EmulationState state, string name)
    {
        var (_, error) = await EmulationRequest.ReadAsync(context, state);
        if (error is not null)
        {
            return error;
        }

        if (state.FindSession(name) is not { } session)
        {
            return ManagerProblems.SessionNotFound(name);
        }

        session.Restart();
        return Results.NoContent();
    }

    private static async Task<IResult> LogsAsync(HttpContext context, EmulationState state, string name)
    {
        var (_, error) = await EmulationRequest.ReadAsync(context, state);
        if (error is not null)
        {
            return error;
        }

        return state.FindSession(name) is { } session
            ? Results.Json(new JsonObject { ["result"] = new JsonObject { ["logs"] = session.Logs } })
            : ManagerProblems.SessionNotFound(name);
    }

    private static Dictionary<string, string> ReadEnviron(JsonObject config)
    {
        var environ = new Dictionary<string, string>(StringComparer.Ordinal);
        if (config["environ"] is JsonObject given)
        {
            foreach (var (key, value) in given)
            {
                environ[key] = value is JsonValue v && v.TryGetValue<string>(out var text)
                    ? text
                    : value?.ToJsonString() ?? "";
            }
        }

        return environ;
    }

    private static JsonArray ServicePorts(EmulatedSession session)
    {
        if (!string.Equals(session.Type, "interactive", StringComparison.Ordinal))
        {
            return [];
        }

        return
        [
            new JsonObject
            {
                ["name"] = "jupyter",
                ["protocol"] = "http",
                ["container_ports"] = new JsonArray(8080),
                ["host_ports"] = new JsonArray((JsonNode?)null),
            },
            new JsonObject
            {
                ["name"] = "ttyd",
                ["protocol"] = "http",
                ["container_ports"] = new JsonArray(7681),
                ["host_ports"] = new JsonArray((JsonNode?)null),
            },
        ];
    }
}
