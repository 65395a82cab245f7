using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackendAI.Client.Transport;

namespace BackendAI.Client.Functions.Sessions;

/// <summary>Compute sessions: create, inspect, run code in, restart and destroy them.</summary>
public sealed class ComputeSessionFunctions
{
    private readonly BackendAIClient _client;

    internal ComputeSessionFunctions(BackendAIClient client)
    {
        _client = client;
    }

    /// <summary>
    /// Gets the session named in <paramref name="options"/> (a name is generated when none is given) or creates
    /// it (<c>POST /session</c>). The domain and group default to the configuration's; the configured
    /// auto-mounted folders follow the caller's.
    /// </summary>
    /// <param name="options">What to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session's id, name, status and service ports, and whether it is new.</returns>
    public async Task<SessionCreated> GetOrCreateAsync(
        SessionCreateOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Image))
        {
            throw new ArgumentException("SessionCreateOptions.Image is required (for example 'python:3.9').",
                nameof(options));
        }

        if (options.Name is { } name && (name is "" or "." or ".."
            || name.Any(c => c is '/' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            // The name becomes a path segment of every later call: such a session could not be reached again.
            throw new ArgumentException(
                $"The session name '{name}' cannot be used: it must not be empty, '.' or '..', or contain '/', '\\', "
                + "spaces or control characters.", nameof(options));
        }

        // The manager needs a name; like the Python client, make one up when the caller gave none.
        var sessionName = options.Name ?? "dotnet-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var body = SessionRequestBody.Build(options, sessionName, _client.Config);
        var request = new ApiRequest(HttpMethod.Post, "/session").WithJson(body);
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var document = response.ReadJsonDocument();
        var root = document.RootElement;
        var id = Json.String(root, "sessionId") ?? throw new BackendAIProtocolException(
            $"The manager at {response.Endpoint} created a session but named no sessionId: {response.Text}");
        return new SessionCreated(
            id,
            Json.String(root, "sessionName") ?? sessionName,
            root.TryGetProperty("created", out var created) ? created.ValueKind == JsonValueKind.True
                : (int)response.StatusCode == 201,
            Json.String(root, "status"),
            root.TryGetProperty("servicePorts", out var ports) ? ports.Clone() : default);
    }

    /// <summary>Gets a session's details (<c>GET /session/{name}</c>).</summary>
    /// <param name="name">The session's name or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The manager's description of the session.</returns>
    public Task<JsonElement> GetInfoAsync(string name, CancellationToken cancellationToken = default) =>
        _client.SendJsonAsync(new ApiRequest(HttpMethod.Get, SessionPath(name)), cancellationToken);

    /// <summary>Destroys a session (<c>DELETE /session/{name}</c>).</summary>
    /// <param name="name">The session's name or id.</param>
    /// <param name="forced">Destroy even when the session is busy or in a transitional state.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The manager's answer (usage statistics when it gives them).</returns>
    public Task<JsonElement> DestroyAsync(
        string name, bool forced = false, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Delete, SessionPath(name))
            .AddQuery("forced", forced ? "true" : "false");
        return _client.SendJsonAsync(request, cancellationToken);
    }

    /// <summary>Restarts a session's containers (<c>PATCH /session/{name}</c>).</summary>
    /// <param name="name">The session's name or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the manager accepted the restart.</returns>
    public async Task RestartAsync(string name, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Patch, SessionPath(name));
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets the container logs of a session (<c>GET /session/{name}/logs</c>).</summary>
    /// <param name="name">The session's name or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The log text.</returns>
    public async Task<string> GetLogsAsync(string name, CancellationToken cancellationToken = default)
    {
        var root = await _client.SendJsonAsync(
            new ApiRequest(HttpMethod.Get, SessionPath(name) + "/logs"), cancellationToken).ConfigureAwait(false);
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("result", out var result)
            && result.ValueKind == JsonValueKind.Object)
        {
            return Json.String(result, "logs") ?? string.Empty;
        }

        return Json.String(root, "logs") ?? string.Empty;
    }

    /// <summary>
    /// Sends one execution request (<c>POST /session/{name}</c>): <paramref name="mode"/> <c>query</c> starts
    /// running <paramref name="code"/>; <c>continue</c> fetches more output of the same run.
    /// </summary>
    /// <param name="name">The session's name or id.</param>
    /// <param name="runId">The run's id; the same for every request of one run.</param>
    /// <param name="mode"><c>query</c>, <c>continue</c>, <c>input</c>, <c>batch</c> or <c>complete</c>.</param>
    /// <param name="code">The code (or input) to send; empty when continuing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's status and the output produced since the last request.</returns>
    public async Task<ExecutionResult> ExecuteAsync(
        string name, string runId, string mode, string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(mode);
        var body = new JsonObject
        {
            ["mode"] = mode,
            ["runId"] = runId,
            ["code"] = code ?? string.Empty,
            ["options"] = new JsonObject(),
        };
        var request = new ApiRequest(HttpMethod.Post, SessionPath(name)).WithJson(body);
        var root = await _client.SendJsonAsync(request, cancellationToken).ConfigureAwait(false);
        return ExecutionResultReader.Read(root, runId);
    }

    /// <summary>
    /// Runs code to the end: starts it, then keeps asking for more output until the run finishes, passing
    /// each piece of output to <paramref name="onOutput"/> as it arrives.
    /// </summary>
    /// <param name="name">The session's name or id.</param>
    /// <param name="code">The code to run.</param>
    /// <param name="onOutput">Called with each console item in order; may be null.</param>
    /// <param name="cancellationToken">Cancels the run (the code keeps running in the session).</param>
    /// <returns>The final result; its console holds only the last piece of output.</returns>
    public async Task<ExecutionResult> RunAsync(
        string name,
        string code,
        Action<ConsoleItem>? onOutput = null,
        CancellationToken cancellationToken = default)
    {
        var runId = Guid.NewGuid().ToString("N");
        var result = await ExecuteAsync(name, runId, "query", code, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            foreach (var item in result.Console)
            {
                onOutput?.Invoke(item);
            }

            if (result.IsFinished || result.Status == "waiting-input")
            {
                return result;
            }

            result = await ExecuteAsync(name, runId, "continue", string.Empty, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static string SessionPath(string name) => "/session/" + PathSegment.Escape(name, "session");
}
