using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace BackendAI.Client.Transport;

/// <summary>A successful answer from the server, with its body read (or left open for streaming).</summary>
public sealed class ApiResponse : IDisposable
{
    private readonly HttpResponseMessage _message;
    private readonly Stream? _stream;

    internal ApiResponse(HttpResponseMessage message, Uri endpoint, byte[]? body, Stream? stream)
    {
        _message = message;
        Endpoint = endpoint;
        Body = body ?? [];
        _stream = stream;
    }

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode StatusCode => _message.StatusCode;

    /// <summary>Gets the endpoint that answered.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the response headers.</summary>
    public HttpResponseHeaders Headers => _message.Headers;

    /// <summary>Gets the content headers (type, length, ranges).</summary>
    public HttpContentHeaders ContentHeaders => _message.Content.Headers;

    /// <summary>Gets the body bytes; empty when the response is streamed.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the body as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Body.Span);

    /// <summary>
    /// Gets the open body stream of a streamed response (its reads are bounded by the read timeout).
    /// </summary>
    /// <exception cref="InvalidOperationException">The request did not ask for a streamed response.</exception>
    public Stream Stream => _stream ?? throw new InvalidOperationException(
        "This response was read whole; set ApiRequest.StreamResponse to stream it.");

    /// <summary>Parses the body as JSON.</summary>
    /// <returns>The parsed document; the caller disposes it.</returns>
    /// <exception cref="BackendAIProtocolException">The body is not valid JSON.</exception>
    public JsonDocument ReadJsonDocument()
    {
        try
        {
            return JsonDocument.Parse(Body);
        }
        catch (JsonException ex)
        {
            throw new BackendAIProtocolException(
                $"The server at {Endpoint} answered {(int)StatusCode} with a body that is not JSON: {Preview()}", ex);
        }
    }

    /// <summary>Deserialises the body as JSON into <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="options">Serializer options; the web defaults when omitted.</param>
    /// <returns>The value.</returns>
    /// <exception cref="BackendAIProtocolException">The body is not JSON of that shape.</exception>
    public T ReadJson<T>(JsonSerializerOptions? options = null)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Body.Span, options ?? JsonSerializerOptions.Web)
                ?? throw new BackendAIProtocolException(
                    $"The server at {Endpoint} answered with JSON null where {typeof(T).Name} was expected.");
        }
        catch (JsonException ex)
        {
            throw new BackendAIProtocolException(
                $"The server at {Endpoint} answered with a body that does not read as {typeof(T).Name}: {Preview()}",
                ex);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream?.Dispose();
        _message.Dispose();
    }

    private string Preview()
    {
        var text = Text;
        return text.Length <= 200 ? $"'{text}'" : $"'{text[..200]}…'";
    }
}
