using System.Text.Json;
using BackendAI.Client.Transport;

namespace BackendAI.Client.Functions;

/// <summary>Manager-wide functions.</summary>
public sealed class ManagerFunctions
{
    private readonly BackendAIClient _client;

    internal ManagerFunctions(BackendAIClient client)
    {
        _client = client;
    }

    /// <summary>Fetches the announcement (<c>GET /manager/announcement</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The announcement; a missing field reads as disabled or empty.</returns>
    public async Task<Announcement> GetAnnouncementAsync(CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, "/manager/announcement");
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var document = response.ReadJsonDocument();
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new BackendAIProtocolException(
                $"The announcement from {response.Endpoint} is not a JSON object: {response.Text}");
        }

        var enabled = root.TryGetProperty("enabled", out var e) && e.ValueKind == JsonValueKind.True;
        var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString() ?? string.Empty
            : string.Empty;
        return new Announcement(enabled, message);
    }
}
