using System.Net;
using System.Text.Json;
using BackendAI.Client.Authentication;
using BackendAI.Client.Configuration;
using BackendAI.Client.Transport;

namespace BackendAI.Client.Functions.Auth;

/// <summary>Logging in and out of a web server (session mode), and changing passwords.</summary>
public sealed class AuthFunctions
{
    private readonly BackendAIClient _client;
    private readonly SessionCookieAuthenticator? _cookies;

    internal AuthFunctions(BackendAIClient client, SessionCookieAuthenticator? cookies)
    {
        _client = client;
        _cookies = cookies;
    }

    /// <summary>Gets the user name of the kept login; null when not logged in, and always in api mode.</summary>
    public string? LoggedInUser => _cookies?.Current?.UserName;

    /// <summary>Gets a value indicating whether a login is kept for this endpoint list.</summary>
    public bool IsLoggedIn => _cookies?.Current is not null;

    /// <summary>
    /// Logs in to the web server (<c>POST /server/login</c>). On success the login cookie is kept, for
    /// this client and, through the login store, for later processes. Any earlier login is not sent along.
    /// </summary>
    /// <param name="userName">The user name (usually an e-mail address).</param>
    /// <param name="password">The password.</param>
    /// <param name="otp">The one-time password, for accounts that have one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Authenticated, OTP required, or failed with the server's reason.</returns>
    /// <exception cref="InvalidOperationException">The endpoint type is not <c>session</c>.</exception>
    /// <exception cref="BackendAILoginThrottledException">Too many failed attempts (429).</exception>
    public async Task<LoginResult> LoginAsync(
        string userName, string password, string? otp = null, CancellationToken cancellationToken = default)
    {
        var cookies = RequireSessionMode("log in");
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(password);

        var body = otp is null
            ? (object)new { username = userName, password }
            : new { username = userName, password, otp };
        var request = new ApiRequest(HttpMethod.Post, SessionCookieAuthenticator.LoginPath) { Anonymous = true }
            .WithJson(body);
        JsonElement root;
        try
        {
            root = await _client.SendJsonAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (BackendAIApiException ex) when (ex.StatusCode == HttpStatusCode.TooManyRequests)
        {
            cookies.DiscardPending();
            throw new BackendAILoginThrottledException(ex);
        }
        catch
        {
            cookies.DiscardPending();
            throw;
        }

        var data = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var d)
            ? d.Clone()
            : (JsonElement?)null;
        var authenticated = root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("authenticated", out var a) && a.ValueKind == JsonValueKind.True;
        if (authenticated)
        {
            return cookies.ConfirmLogin(userName)
                ? new LoginResult(LoginStatus.Authenticated, null, data)
                : throw new BackendAIProtocolException(
                    $"The web server authenticated '{userName}' but set no "
                    + $"{SessionCookieAuthenticator.CookieName} cookie, so the login cannot be used. "
                    + "Check that BACKEND_ENDPOINT points at the web server.");
        }

        cookies.DiscardPending();
        var reason = data is { } details ? Json.String(details, "details") : null;
        var status = reason == "OTP not provided" ? LoginStatus.OtpRequired : LoginStatus.Failed;
        return new LoginResult(status, reason ?? "the server did not authenticate the user", data);
    }

    /// <summary>
    /// Logs out (<c>POST /server/logout</c>) and forgets the kept login. When the call fails (unreachable
    /// server, 5xx) the login is kept and the error thrown, so the logout can be retried.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when logged out.</returns>
    public async Task LogoutAsync(CancellationToken cancellationToken = default)
    {
        var cookies = RequireSessionMode("log out");
        try
        {
            using var response = await _client.SendAsync(new ApiRequest(HttpMethod.Post, "/server/logout"),
                cancellationToken).ConfigureAwait(false);
        }
        catch (BackendAIApiException ex) when (ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            // The server no longer knows this login: there is nothing left to end but the local copy.
        }

        // Forgotten only once the server ended it (or never knew it): after a failed call the login is kept,
        // so a later logout can still end the server's session instead of leaving it valid and unrevocable.
        cookies.Forget();
    }

    /// <summary>Changes the logged-in user's password (<c>POST /auth/update-password</c>).</summary>
    /// <param name="oldPassword">The current password.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the password is changed.</returns>
    public async Task UpdatePasswordAsync(
        string oldPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(oldPassword);
        ArgumentException.ThrowIfNullOrEmpty(newPassword);

        var request = new ApiRequest(HttpMethod.Post, "/auth/update-password").WithJson(new
        {
            old_password = oldPassword,
            new_password = newPassword,
            new_password2 = newPassword,
        });
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes an expired password without logging in: <c>/server/update-password-no-auth</c> in session
    /// mode, <c>/auth/update-password-no-auth</c> (with the configured domain) in api mode.
    /// </summary>
    /// <param name="userName">The user name.</param>
    /// <param name="currentPassword">The expired password.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the password is changed.</returns>
    public async Task UpdatePasswordNoAuthAsync(
        string userName, string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(currentPassword);
        ArgumentException.ThrowIfNullOrEmpty(newPassword);

        // The web server fills in its own domain; the manager needs it in the body.
        var request = _client.Config.EndpointType == EndpointType.Session
            ? new ApiRequest(HttpMethod.Post, "/server/update-password-no-auth").WithJson(new
            {
                username = userName,
                current_password = currentPassword,
                new_password = newPassword,
            })
            : new ApiRequest(HttpMethod.Post, "/auth/update-password-no-auth").WithJson(new
            {
                domain = _client.Config.Domain,
                username = userName,
                current_password = currentPassword,
                new_password = newPassword,
            });
        request.Anonymous = true;
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private SessionCookieAuthenticator RequireSessionMode(string action) =>
        _cookies ?? throw new InvalidOperationException(
            $"Cannot {action}: the endpoint type is 'api' (keypair signing). Set BACKEND_ENDPOINT_TYPE=session "
            + "and point BACKEND_ENDPOINT at the web server to use a login.");
}
