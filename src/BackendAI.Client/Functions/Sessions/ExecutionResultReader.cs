using System.Text.Json;

namespace BackendAI.Client.Functions.Sessions;

/// <summary>Reads the <c>result</c> object of an execution answer.</summary>
internal static class ExecutionResultReader
{
    /// <summary>Reads the result; a missing status or console reads as finished and empty.</summary>
    internal static ExecutionResult Read(JsonElement root, string runId)
    {
        var result = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("result", out var r) ? r : root;
        if (result.ValueKind != JsonValueKind.Object)
        {
            throw new BackendAIProtocolException(
                $"The execution answer has no result object: {root.GetRawText()}");
        }

        var console = new List<ConsoleItem>();
        if (result.TryGetProperty("console", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Array && item.GetArrayLength() >= 2)
                {
                    console.Add(new ConsoleItem(Json.Text(item[0]), Json.Text(item[1])));
                }
            }
        }

        return new ExecutionResult(
            Json.String(result, "runId") ?? runId,
            Json.String(result, "status") ?? "finished",
            console,
            Json.Int(result, "exitCode"),
            result.TryGetProperty("options", out var options) ? options.Clone() : null);
    }
}
