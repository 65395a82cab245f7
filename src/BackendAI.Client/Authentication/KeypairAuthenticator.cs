namespace BackendAI.Client.Authentication;

/// <summary>Signs every request with the configured keypair (api mode with an access key).</summary>
internal sealed class KeypairAuthenticator : IRequestAuthenticator
{
    private readonly RequestSigner _signer;

    internal KeypairAuthenticator(RequestSigner signer)
    {
        _signer = signer;
    }

    /// <inheritdoc />
    public void Authenticate(HttpRequestMessage request) => _signer.Sign(request);

    /// <inheritdoc />
    public void OnResponse(HttpResponseMessage response)
    {
    }
}
