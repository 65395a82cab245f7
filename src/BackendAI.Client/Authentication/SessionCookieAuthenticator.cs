using System.Net.Http.Headers;
using BackendAI.Client.Diagnostics;
using Microsoft.Extensions.Logging;

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

    /// <summary>The web server's login path; the cookie on its answer is a login still to be confirmed.</summary>
    internal const string LoginPath = "/server/login";

    private readonly LoginStore? _store;
    private readonly IReadOnlyList<Uri> _endpoints;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Lock _saveGate = new();
    private StoredLogin? _login;
    private (string Cookie, string? SessionId)? _pending;
    private bool _loaded;

    internal SessionCookieAuthenticator(
        LoginStore? store, IReadOnlyList<Uri> endpoints, TimeProvider time, ILogger logger)
    {
        _store = store;
        _endpoints = endpoints;
        _time = time;
        _logger = logger;
    }

    /// <summary>Gets the current login, loading it from the store the first time.</summary>
    internal StoredLogin? Current
    {
        get
        {
            lock (_gate)
            {
                return LoadLocked();
            }
        }
    }

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
        try
        {
            KeepRefreshedCookie(response);
        }
        catch (LoginStoreException ex)
        {
            // The call itself succeeded: its answer is returned; only the next process may need to log in again.
            Log.LoginNotSaved(_logger, ex.Message);
        }
    }

    private void KeepRefreshedCookie(HttpResponseMessage response)
    {
        var value = FindCookie(response.Headers);
        if (value is null)
        {
            return;
        }

        var sessionId = response.Headers.TryGetValues(SessionIdHeader, out var ids) ? ids.FirstOrDefault() : null;
        if (IsLoginAnswer(response))
        {
            // Held apart until the answer says "authenticated": a refused login must not replace a good one.
            lock (_gate)
            {
                _pending = (value, sessionId);
            }

            return;
        }

        lock (_gate)
        {
            var previous = LoadLocked();
            if (previous is null
                || (previous.CookieValue == value && (sessionId is null || sessionId == previous.SessionId)))
            {
                // A cookie on an answer without any login is not a login to keep; an unchanged one needs no save.
                return;
            }

            _login = previous with
            {
                CookieValue = value,
                SessionId = sessionId ?? previous.SessionId,
                SavedAt = _time.GetUtcNow(),
            };
        }

        // The server refreshed the cookie mid-session: the next process must get the new one. Each saver writes
        // the newest login under one lock, so two refreshes finishing together never leave the older on disk.
        lock (_saveGate)
        {
            StoredLogin? newest;
            lock (_gate)
            {
                newest = _login;
            }

            if (newest is not null)
            {
                _store?.Save(_endpoints, newest);
            }
        }
    }

    /// <summary>
    /// Makes the cookie set by the login answer the current login of <paramref name="userName"/> and saves it.
    /// </summary>
    /// <returns>False when the login answer set no cookie.</returns>
    internal bool ConfirmLogin(string userName)
    {
        StoredLogin login;
        lock (_gate)
        {
            if (_pending is not { } pending)
            {
                return false;
            }

            _pending = null;
            login = new StoredLogin(CookieName, pending.Cookie, pending.SessionId, userName, _time.GetUtcNow());
            _login = login;
            _loaded = true;
        }

        _store?.Save(_endpoints, login);
        return true;
    }

    /// <summary>Drops the cookie of a login answer that did not authenticate; the earlier login stays.</summary>
    internal void DiscardPending()
    {
        lock (_gate)
        {
            _pending = null;
        }
    }

    /// <summary>Forgets the login, in memory and in the store.</summary>
    internal void Forget()
    {
        lock (_gate)
        {
            _login = null;
            _loaded = true;
            _pending = null;
        }

        _store?.Delete(_endpoints);
    }

    private static bool IsLoginAnswer(HttpResponseMessage response) =>
        response.RequestMessage?.RequestUri?.AbsolutePath.EndsWith(LoginPath, StringComparison.Ordinal) == true;

    private StoredLogin? LoadLocked()
    {
        if (!_loaded)
        {
            _login = _store?.Load(_endpoints);
            _loaded = true;
        }

        return _login;
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
