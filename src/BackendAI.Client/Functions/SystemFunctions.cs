using System.Text.Json;
using BackendAI.Client.Transport;

namespace BackendAI.Client.Functions;

/// <summary>Server-level information that needs no authentication.</summary>
public sealed class SystemFunctions
{
    private readonly BackendAIClient _client;

    internal SystemFunctions(BackendAIClient client)
    {
        _client = client;
    }

    /// <summary>Asks the server for its API version and manager release (<c>GET /</c>, unauthenticated).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The versions; fields the server left out are null.</returns>
    public async Task<ServerVersionInfo> GetVersionsAsync(CancellationToken cancellationToken = default)
    {
        // Sent without X-BackendAI-Version: the manager rejects versions it does not know, even here.
        var request = new ApiRequest(HttpMethod.Get, "/") { Anonymous = true, OmitVersionHeader = true };
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var document = response.ReadJsonDocument();
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new ServerVersionInfo(null, null);
        }

        return new ServerVersionInfo(Text(root, "version"), Text(root, "manager"));
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
