using System.Text.Json.Nodes;

namespace BackendAI.TestServer.Emulation;

/// <summary>One request that reached an emulated route, kept so tests can assert what arrived.</summary>
/// <param name="Method">The request method.</param>
/// <param name="Path">The request path as routed (for example <c>/func/session</c>).</param>
/// <param name="Query">The query string including its leading <c>?</c>, or an empty string.</param>
/// <param name="Headers">A copy of the request headers; names are case-insensitive.</param>
/// <param name="BodyText">
/// The request body as text, or <see langword="null"/> when it was empty or not JSON-like.
/// </param>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? BodyText)
{
    /// <summary>Gets a freshly parsed copy of the JSON body, or <see langword="null"/> when there is none.</summary>
    public JsonNode? Body => string.IsNullOrWhiteSpace(BodyText) ? null : JsonNode.Parse(BodyText);

    /// <summary>Gets the value of a header, or <see langword="null"/> when it was not sent.</summary>
    /// <param name="name">The header name, any case.</param>
    /// <returns>The header value, several values joined by commas.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
