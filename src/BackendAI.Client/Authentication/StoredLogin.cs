namespace BackendAI.Client.Authentication;

/// <summary>
/// A login kept for one endpoint list in session mode: the web server's session cookie and its context.
/// </summary>
/// <param name="CookieName">The session cookie's name, usually <c>AIOHTTP_SESSION</c>.</param>
/// <param name="CookieValue">The session cookie's value; a secret, never shown by <see cref="ToString"/>.</param>
/// <param name="SessionId">
/// The <c>X-BackendAI-SessionID</c> value the server handed out, if any; also kept secret.
/// </param>
/// <param name="UserName">The user name the login was made with, if known.</param>
/// <param name="SavedAt">When the login was saved.</param>
public sealed record StoredLogin(
    string CookieName,
    string CookieValue,
    string? SessionId,
    string? UserName,
    DateTimeOffset SavedAt)
{
    /// <summary>Returns the login's description with the cookie value and session id left out.</summary>
    public override string ToString() =>
        $"StoredLogin {{ CookieName = {CookieName}, CookieValue = (hidden), " +
        $"SessionId = {(SessionId is null ? "(none)" : "(hidden)")}, UserName = {UserName ?? "(none)"}, " +
        $"SavedAt = {SavedAt:O} }}";
}
