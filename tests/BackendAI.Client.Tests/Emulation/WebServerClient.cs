using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BackendAI.Client.Tests.Emulation;

/// <summary>
/// Requests to the emulated web server with the cookie handled by hand, so tests see every Set-Cookie.
/// </summary>
internal static class WebServerClient
{
    internal static async Task<(HttpResponseMessage Response, JsonObject? Body)> LoginAsync(
        EmulationServer server, string user, string password, string? otp = null, string? cookie = null)
    {
        var body = new JsonObject { ["username"] = user, ["password"] = password };
        if (otp is not null)
        {
            body["otp"] = otp;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/server/login");
        request.Content = JsonContent.Create(body);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"AIOHTTP_SESSION={cookie}");
        }

        var response = await server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject);
    }

    internal static string? CookieOf(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return null;
        }

        var header = values.Single(v => v.StartsWith("AIOHTTP_SESSION=", StringComparison.Ordinal));
        return header["AIOHTTP_SESSION=".Length..header.IndexOf(';', StringComparison.Ordinal)];
    }

    internal static async Task<HttpResponseMessage> FuncAsync(
        EmulationServer server, HttpMethod method, string path, string? cookie)
    {
        using var request = new HttpRequestMessage(method, "/func" + path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"AIOHTTP_SESSION={cookie}");
        }

        return await server.Client.SendAsync(request);
    }
}
