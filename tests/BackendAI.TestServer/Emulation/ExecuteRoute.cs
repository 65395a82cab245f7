using System.Text.Json.Nodes;

namespace BackendAI.TestServer.Emulation;

/// <summary>The manager's execute route (<c>POST /session/{name}</c>) in modes <c>query</c> and
/// <c>continue</c>, answered by <see cref="CodeSimulator"/>.</summary>
internal static class ExecuteRoute
{
    public static async Task<IResult> ExecuteAsync(HttpContext context, EmulationState state, string name)
    {
        var (body, error) = await EmulationRequest.ReadAsync(context, state);
        if (error is not null)
        {
            return error;
        }

        if (state.FindSession(name) is not { } session)
        {
            return ManagerProblems.SessionNotFound(name);
        }

        var mode = EmulationRequest.String(body, "mode");
        var runId = EmulationRequest.String(body, "runId");
        var code = EmulationRequest.String(body, "code") ?? "";
        CodeRun? run;
        switch (mode)
        {
            case "query":
                runId = string.IsNullOrEmpty(runId) ? Guid.NewGuid().ToString("N") : runId;
                run = CodeSimulator.Run(code);
                if (!session.TryStartRun(runId, run))
                {
                    return ManagerProblems.BadRequest(
                        $"Run '{runId}' is still running; poll it with mode 'continue'.");
                }

                break;
            case "continue":
                run = string.IsNullOrEmpty(runId) ? null : session.FindRun(runId);
                if (run is null)
                {
                    return ManagerProblems.BadRequest($"No unfinished run '{runId}' in session '{name}'.");
                }

                break;
            default:
                return ManagerProblems.BadRequest(
                    $"Unsupported mode '{mode}'; this server knows 'query' and 'continue'.");
        }

        var output = run.NextPoll(out var finished);
        var console = new JsonArray();
        foreach (var (stream, text) in output)
        {
            console.Add(new JsonArray(stream, text));
            session.AppendLog(text);
        }

        if (finished)
        {
            session.FinishRun(runId!);
        }

        var result = new JsonObject
        {
            ["runId"] = runId,
            ["status"] = finished ? "finished" : "continued",
            ["console"] = console,
            ["exitCode"] = finished ? run.ExitCode : null,
            ["options"] = body["options"]?.DeepClone() ?? new JsonObject(),
            ["files"] = new JsonArray(),
        };
        return Results.Json(new JsonObject { ["result"] = result });
    }
}
