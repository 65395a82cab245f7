using System.Net;
using System.Net.Http.Headers;

namespace BackendAI.Client.Transport;

/// <summary>
/// An answer from a URL outside the endpoint pool (a storage proxy), with its body left open as a stream
/// bounded by the read timeout. Dispose it to release the connection.
/// </summary>
internal sealed class DirectResponse : IDisposable
{
    private readonly HttpResponseMessage _response;

    internal DirectResponse(HttpResponseMessage response, Stream body)
    {
        _response = response;
        Body = body;
    }

    internal HttpStatusCode StatusCode => _response.StatusCode;

    internal HttpResponseHeaders Headers => _response.Headers;

    internal HttpContentHeaders ContentHeaders => _response.Content.Headers;

    internal Stream Body { get; }

    public void Dispose()
    {
        Body.Dispose();
        _response.Dispose();
    }
}
