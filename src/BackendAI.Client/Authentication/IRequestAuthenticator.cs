namespace BackendAI.Client.Authentication;

/// <summary>Adds credentials to a finished request message, just before it is sent.</summary>
internal interface IRequestAuthenticator
{
    /// <summary>Authenticates the request; runs last, on the message exactly as it will go on the wire.</summary>
    /// <param name="request">The request message.</param>
    void Authenticate(HttpRequestMessage request);

    /// <summary>Sees every answer, so a login cookie refreshed by the server can be kept.</summary>
    /// <param name="response">The response message.</param>
    void OnResponse(HttpResponseMessage response);
}
