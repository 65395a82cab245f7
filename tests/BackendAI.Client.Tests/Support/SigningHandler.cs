using System.Globalization;
using BackendAI.Client.Authentication;

namespace BackendAI.Client.Tests.Support;

/// <summary>
/// Stands in for the client pipeline in signer tests: sets the date (ISO 8601, microseconds, <c>+00:00</c>) and
/// version headers the way the pipeline does, then signs the final message.
/// </summary>
public sealed class SigningHandler : DelegatingHandler
{
    private readonly RequestSigner _signer;

    /// <summary>Creates a handler that signs with <paramref name="signer"/> and sends without a proxy.</summary>
    public SigningHandler(RequestSigner signer)
        : base(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        _signer = signer;
    }

    /// <summary>Gets or sets the date header value; null renders the current UTC time.</summary>
    public string? Date { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string date = Date ?? DateTimeOffset.UtcNow.ToString(
            "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("X-BackendAI-Date", date);
        request.Headers.TryAddWithoutValidation("X-BackendAI-Version", "v8.20240315");
        _signer.Sign(request);
        return base.SendAsync(request, cancellationToken);
    }
}
