using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackendAI.TestServer.Emulation;

/// <summary>Reads a request's JSON body (GET and DELETE included), records the request, and reads fields.</summary>
internal static class EmulationRequest
{
    private const int MaxBodyBytes = 1 << 20;

    /// <summary>Types a handler as a route handler, so its <see cref="IResult"/> is written to the response (a plain
    /// lambda over <see cref="HttpContext"/> would bind as a <see cref="RequestDelegate"/> and drop it).</summary>
    public static Delegate Handler(Func<HttpContext, Task<IResult>> handler) => handler;

    /// <summary>Types a synchronous handler as a route handler; see the asynchronous overload.</summary>
    public static Delegate Handler(Func<HttpContext, IResult> handler) => handler;

    /// <summary>Records the request and returns its body as an object (empty when there is no body), or an error
    /// result when the body is not a JSON object.</summary>
    public static async Task<(JsonObject Body, IResult? Error)> ReadAsync(
        HttpContext context, EmulationState state)
    {
        var (text, tooLarge) = await ReadTextAsync(context.Request);
        Record(context, state, text);
        if (tooLarge)
        {
            return ([], ManagerProblems.Problem(StatusCodes.Status413PayloadTooLarge, "invalid-api-params",
                "Request body too large.", $"This server reads JSON bodies up to {MaxBodyBytes} bytes."));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ([], null);
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject body
                ? (body, null)
                : ([], ManagerProblems.BadRequest("The request body must be a JSON object."));
        }
        catch (JsonException ex)
        {
            return ([], ManagerProblems.BadRequest("Malformed JSON body: " + ex.Message));
        }
    }

    /// <summary>Records a request whose body the route does not read (for example a storage-proxy transfer).</summary>
    public static void Record(HttpContext context, EmulationState state, string? bodyText)
    {
        var request = context.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = values.ToString();
        }

        var path = request.PathBase.Add(request.Path).Value ?? "/";
        var query = request.QueryString.Value ?? "";
        state.Log.Record(new ReceivedRequest(request.Method, path, query, headers, bodyText));

        var endpoint = context.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint;
        state.Log.Increment(request.Method + " " + (endpoint?.RoutePattern.RawText ?? path));
    }

    /// <summary>Reads a string field; null when absent or JSON null.</summary>
    /// <exception cref="InvalidFieldException">The field holds another JSON type.</exception>
    public static string? String(JsonObject body, string name) => Field<string>(body, name, "a string");

    /// <summary>Reads a boolean field; null when absent or JSON null.</summary>
    /// <exception cref="InvalidFieldException">The field holds another JSON type.</exception>
    public static bool? Bool(JsonObject body, string name) =>
        body[name] is null ? null : Field<bool>(body, name, "true or false");

    /// <summary>Reads an integer field; null when absent or JSON null.</summary>
    /// <exception cref="InvalidFieldException">The field holds another JSON type.</exception>
    public static long? Long(JsonObject body, string name) =>
        body[name] is null ? null : Field<long>(body, name, "an integer");

    /// <summary>Reads a field that is one string or a list of strings; null when absent or JSON null.</summary>
    /// <exception cref="InvalidFieldException">The field holds anything else.</exception>
    public static List<string>? StringList(JsonObject body, string name)
    {
        switch (body[name])
        {
            case null:
                return null;
            case JsonValue value when value.TryGetValue<string>(out var single):
                return [single];
            case JsonArray array when array.All(n => n is JsonValue v && v.TryGetValue<string>(out _)):
                return [.. array.Select(n => n!.GetValue<string>())];
            default:
                throw new InvalidFieldException(name, "a string or a list of strings", body[name]);
        }
    }

    /// <summary>Reads a flag from the query string the way the manager does (true/yes/1, false/no/0, any case);
    /// false when the value is present but none of those.</summary>
    public static bool TryQueryFlag(HttpRequest request, string name, bool fallback, out bool value)
    {
        var text = request.Query[name].ToString().Trim().ToUpperInvariant();
        bool? parsed = text switch
        {
            "" => fallback,
            "TRUE" or "YES" or "1" or "T" or "Y" => true,
            "FALSE" or "NO" or "0" or "F" or "N" => false,
            _ => null,
        };
        value = parsed ?? fallback;
        return parsed.HasValue;
    }

    /// <summary>An endpoint filter that turns <see cref="InvalidFieldException"/> into a 400 problem.</summary>
    public static async ValueTask<object?> RejectInvalidFieldsAsync(
        EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        try
        {
            return await next(invocation);
        }
        catch (InvalidFieldException ex)
        {
            return ManagerProblems.BadRequest(ex.Message);
        }
    }

    private static T? Field<T>(JsonObject body, string name, string expected)
    {
        var node = body[name];
        if (node is null)
        {
            return default;
        }

        return node is JsonValue value && value.TryGetValue<T>(out var typed)
            ? typed
            : throw new InvalidFieldException(name, expected, node);
    }

    private static async Task<(string? Text, bool TooLarge)> ReadTextAsync(HttpRequest request)
    {
        if (request.ContentLength == 0)
        {
            return (null, false);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                break;
            }
        }

        if (buffer.Length > MaxBodyBytes)
        {
            return (null, true);
        }

        var text = buffer.Length == 0 ? null : Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        return (text, false);
    }
}
