using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace BackendAI.TestServer.Emulation;

/// <summary>
/// The emulated web server's logins (cookie value → user), failure counts and switches; thread-safe.
/// </summary>
public sealed class WebServerEmulation
{
    /// <summary>The name of the login cookie.</summary>
    public const string CookieName = "AIOHTTP_SESSION";

    private readonly ConcurrentDictionary<string, string> logins = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);
    private long functionCalls;

    /// <summary>
    /// Gets or sets the status <c>POST /server/logout</c> answers: 201 (the default, as 24.03) or 200.
    /// </summary>
    public int LogoutStatusCode { get; set; } = 201;

    /// <summary>Gets or sets how many consecutive failed logins a user may have before further attempts get 429.
    /// Default 5.</summary>
    public int AllowedLoginFailures { get; set; } = 5;

    /// <summary>
    /// Gets or sets how often an authenticated <c>/func</c> answer replaces the login cookie with a new value
    /// (the old one stops working): 0 (the default) never, 1 every answer, N every Nth answer.
    /// </summary>
    public int CookieRotationInterval { get; set; }

    /// <summary>Gets or sets whether the login answer also carries the session id in an
    /// <c>X-BackendAI-SessionID</c> header, which <c>/func</c> then accepts in place of the cookie.
    /// Default <see langword="false"/>.</summary>
    public bool SendSessionIdHeader { get; set; }

    /// <summary>Gets a snapshot of the valid cookie values.</summary>
    public IReadOnlyCollection<string> ActiveCookies => [.. logins.Keys];

    /// <summary>Gets the user a cookie value belongs to.</summary>
    /// <param name="cookie">The cookie value.</param>
    /// <returns>The user name, or <see langword="null"/> when the value is not a valid login.</returns>
    public string? UserOf(string? cookie) => cookie is null ? null : logins.GetValueOrDefault(cookie);

    /// <summary>Ends every login, as a web-server restart with a fresh session store would.</summary>
    public void EndAllLogins() => logins.Clear();

    /// <summary>Gets the number of consecutive failed logins recorded for a user.</summary>
    /// <param name="userName">The login name.</param>
    /// <returns>The count.</returns>
    public int FailuresOf(string userName) => failures.GetValueOrDefault(userName);

    internal string StartLogin(string userName)
    {
        var cookie = NewCookieValue();
        logins[cookie] = userName;
        failures.TryRemove(userName, out _);
        return cookie;
    }

    internal void EndLogin(string cookie) => logins.TryRemove(cookie, out _);

    internal void RecordFailure(string userName) => failures.AddOrUpdate(userName, 1, static (_, n) => n + 1);

    internal bool IsBlocked(string userName) => FailuresOf(userName) >= AllowedLoginFailures;

    /// <summary>Replaces the cookie when rotation is due; returns the new value, or null.</summary>
    internal string? RotateIfDue(string cookie)
    {
        var interval = CookieRotationInterval;
        if (interval <= 0 || Interlocked.Increment(ref functionCalls) % interval != 0)
        {
            return null;
        }

        if (!logins.TryRemove(cookie, out var userName))
        {
            return null;
        }

        var fresh = NewCookieValue();
        logins[fresh] = userName;
        return fresh;
    }

    private static string NewCookieValue() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
