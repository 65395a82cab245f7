using System.Net.Http.Headers;

namespace BackendAI.Client.Authentication;

/// <summary>
/// Session mode: sends the web server's login cookie with every request and keeps the cookie the
/// server sets or refreshes, in memory and in the login store (one login per endpoint list).
/// </summary>
internal sealed class SessionCookieAuthenticator : IRequestAuthenticator
{
    /// <summary>The web server's session cookie name.</summary>
    internal const string CookieName = "AIOHTTP_SESSION";

    /// <summary>The header that carries the session id when the server hands one out.</summary>
    internal const string SessionIdHeader = "X-BackendAI-SessionID";

    private readonly LoginStore? _store;
    private readonly IReadOnlyList<Uri> _endpoints;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private StoredLogin? _login;
    private bool _loaded;

    internal SessionCookieAuthenticator(LoginStore? store, IReadOnlyList<Uri> endpoints, TimeProvider time)
    {
        _store = store;
        _endpoints = endpoints;
        _time = time;
    }

    /// <summary>Gets the current login, loading it from the store the first time.</summary>
    internal StoredLogin? Current
    {
        get
        {
            lock (_gate)
            {
                if (!_loaded)
                {
                    _loaded = true;
                    _login = _store?.Load(_endpoints);
                }

                return _login;
            }
        }
    }

    /// <summary>Gets or sets the user name to record with the next cookie the server sets (at login).</summary>
    internal string? PendingUserName { get; set; }

    /// <inheritdoc />
    public void Authenticate(HttpRequestMessage request)
    {
        if (Current is not { } login)
        {
            return;
        }

        request.Headers.TryAddWithoutValidation("Cookie", $"{login.CookieName}={login.CookieValue}");
        if (login.SessionId is not null)
        {
            request.Headers.TryAddWithoutValidation(SessionIdHeader, login.SessionId);
        }
    }

    /// <inheritdoc />
    public void OnResponse(HttpResponseMessage response)
    {
        var value = FindCookie(response.Headers);
        if (value is null)
        {
            return;
        }

        var sessionId = response.Headers.TryGetValues(SessionIdHeader, out var ids) ? ids.FirstOrDefault() : null;
        StoredLogin? refreshed = null;
        lock (_gate)
        {
            var previous = _loaded ? _login : _store?.Load(_endpoints);
            _loaded = true;
            if (previous is null && PendingUserName is null)
            {
                // A cookie on an answer to a call that is not a login is not a login to keep.
                return;
            }

            _login = new StoredLogin(CookieName, value, sessionId ?? previous?.SessionId,
                PendingUserName ?? previous?.UserName, _time.GetUtcNow());
            if (PendingUserName is null && previous?.CookieValue != value)
            {
                refreshed = _login;
            }
        }

        if (refreshed is not null)
        {
            // The server refreshed the cookie mid-session: the next process must get the new one.
            _store?.Save(_endpoints, refreshed);
        }
    }

    /// <summary>Confirms the login the server just set: it is saved and becomes the current one.</summary>
    internal void ConfirmPending()
    {
        StoredLogin? login;
        lock (_gate)
        {
            PendingUserName = null;
            login = _login;
        }

        if (login is not null)
        {
            _store?.Save(_endpoints, login);
        }
    }

    /// <summary>Forgets the login, in memory and in the store.</summary>
    internal void Forget()
    {
        lock (_gate)
        {
            _login = null;
            _loaded = true;
            PendingUserName = null;
        }

        _store?.Delete(_endpoints);
    }

    /// <summary>Drops an unconfirmed login (a login that did not authenticate) without touching the store.</summary>
    internal void DiscardPending(StoredLogin? restore)
    {
        lock (_gate)
        {
            _login = restore;
            PendingUserName = null;
        }
    }

    private static string? FindCookie(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Set-Cookie", out var cookies))
        {
            return null;
        }

        string? found = null;
        foreach (var cookie in cookies)
        {
            var end = cookie.IndexOf(';', StringComparison.Ordinal);
            var pair = end < 0 ? cookie : cookie[..end];
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && pair[..eq].Trim() == CookieName)
            {
                found = pair[(eq + 1)..].Trim().Trim('"');
            }
        }

        return string.IsNullOrEmpty(found) ? null : found;
    }
}
