using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace BackendAI.Client.Transport;

/// <summary>One API call as the caller describes it, before it is routed to an endpoint and signed.</summary>
/// <remarks>
/// The path is relative to the endpoint (for example <c>/folders</c>); in session mode the client
/// routes it under <c>/func</c>. The same request may be sent to several endpoints when one fails,
/// so it holds its body as bytes or as a factory, never as a consumed stream.
/// </remarks>
public sealed class ApiRequest
{
    private readonly List<KeyValuePair<string, string>> _query = [];
    private readonly List<KeyValuePair<string, string>> _headers = [];

    /// <summary>Creates a request for <paramref name="method"/> on <paramref name="path"/>.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path relative to the endpoint; it must start with <c>/</c> and may hold a query.</param>
    public ApiRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path[0] != '/')
        {
            throw new ArgumentException($"The request path must start with '/', got '{path}'.", nameof(path));
        }

        Method = method;
        Path = path;
    }

    /// <summary>Gets the HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>Gets the path relative to the endpoint, as given (it may already hold a query string).</summary>
    public string Path { get; }

    /// <summary>Gets the query parameters added with <see cref="AddQuery"/>, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => _query;

    /// <summary>Gets the extra headers added with <see cref="AddHeader"/>, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>Gets the body bytes, or <see langword="null"/> when the request has none.</summary>
    public ReadOnlyMemory<byte>? Body { get; private set; }

    /// <summary>Gets the body's content type, or <see langword="null"/> when there is no body.</summary>
    public string? ContentType { get; private set; }

    /// <summary>
    /// Gets or sets a value indicating whether the request is sent without authentication
    /// (no signature, no login cookie), as the version probe and the login call are.
    /// </summary>
    public bool Anonymous { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the <c>X-BackendAI-Version</c> header is left out;
    /// the version probe does so because the manager rejects versions it does not know.
    /// </summary>
    public bool OmitVersionHeader { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the response body is left unread for the caller to stream
    /// (downloads); by default the body is read whole before the call returns.
    /// </summary>
    public bool StreamResponse { get; set; }

    /// <summary>Adds a query parameter; it is percent-encoded when the request is built.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The parameter value.</param>
    /// <returns>This request, for chaining.</returns>
    public ApiRequest AddQuery(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _query.Add(new(name, value));
        return this;
    }

    /// <summary>Adds a header sent with every attempt of this request.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The header value.</param>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentException">
    /// The name is not a header name, or the value holds a line break or another control character.
    /// </exception>
    public ApiRequest AddHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!name.All(IsTokenChar))
        {
            throw new ArgumentException($"'{name}' is not a valid header name.", nameof(name));
        }

        // A line break would end this header and start one of the caller's choosing on the wire.
        if (value.Any(c => char.IsControl(c) && c != '\t'))
        {
            throw new ArgumentException(
                $"The value of header '{name}' contains a line break or another control character.", nameof(value));
        }

        _headers.Add(new(name, value));
        return this;
    }

    /// <summary>Sets a JSON body serialised from <paramref name="value"/>.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The value to serialise.</param>
    /// <param name="options">Serializer options; the web defaults when omitted.</param>
    /// <returns>This request, for chaining.</returns>
    public ApiRequest WithJson<T>(T value, JsonSerializerOptions? options = null)
    {
        Body = JsonSerializer.SerializeToUtf8Bytes(value, options ?? JsonSerializerOptions.Web);
        ContentType = "application/json";
        return this;
    }

    /// <summary>Sets a raw body with the given content type.</summary>
    /// <param name="body">The body bytes.</param>
    /// <param name="contentType">The <c>Content-Type</c> header value, sent as written.</param>
    /// <returns>This request, for chaining.</returns>
    public ApiRequest WithBody(ReadOnlyMemory<byte> body, string contentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        if (!MediaTypeHeaderValue.TryParse(contentType, out _))
        {
            throw new ArgumentException(
                $"The content type '{contentType}' is not a valid media type (expected type/subtype[; parameters]).",
                nameof(contentType));
        }

        Body = body;
        ContentType = contentType;
        return this;
    }

    /// <summary>Sets a text body with the given content type.</summary>
    /// <param name="text">The text, sent as UTF-8.</param>
    /// <param name="contentType">The <c>Content-Type</c> header value, sent as written.</param>
    /// <returns>This request, for chaining.</returns>
    public ApiRequest WithText(string text, string contentType)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WithBody(Encoding.UTF8.GetBytes(text), contentType);
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    /// <summary>Returns the path with the added query parameters appended, percent-encoded.</summary>
    internal string BuildPathAndQuery()
    {
        if (_query.Count == 0)
        {
            return Path;
        }

        var builder = new StringBuilder(Path);
        var separator = Path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in _query)
        {
            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=')
                .Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}";
}
