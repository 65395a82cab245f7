using System.Text.Json.Nodes;

namespace BackendAI.TestServer.Emulation;

/// <summary>The web server's login handler and cookie helpers.</summary>
internal static class WebLogin
{
    public static async Task<IResult> LoginAsync(HttpContext context, EmulationState state)
    {
        var (body, error) = await EmulationRequest.ReadAsync(context, state);
        var web = state.WebServer;
        if (CurrentLogin(context, state).UserName is not null)
        {
            return ManagerProblems.Problem(StatusCodes.Status400BadRequest, "generic-bad-request",
                "You have already logged in.");
        }

        if (error is not null)
        {
            return error;
        }

        var userName = EmulationRequest.String(body, "username");
        var password = EmulationRequest.String(body, "password");
        if (string.IsNullOrEmpty(userName))
        {
            return ManagerProblems.Problem(StatusCodes.Status400BadRequest, "invalid-api-params",
                "You must provide the username field.");
        }

        if (string.IsNullOrEmpty(password))
        {
            return ManagerProblems.Problem(StatusCodes.Status400BadRequest, "invalid-api-params",
                "You must provide the password field.");
        }

        if (web.IsBlocked(userName))
        {
            state.Log.Increment("login.blocked");
            return ManagerProblems.Problem(StatusCodes.Status429TooManyRequests, "too-many-requests",
                "Too many failed login attempts");
        }

        var user = state.FindUser(userName);
        var reason = user is null || !string.Equals(user.Password, password, StringComparison.Ordinal)
            ? "User credential mismatch."
            : user.Otp is null ? null
            : EmulationRequest.String(body, "otp") is not { } otp ? "OTP not provided"
            : !string.Equals(otp, user.Otp, StringComparison.Ordinal) ? "Invalid OTP"
            : null;
        if (reason is not null)
        {
            web.RecordFailure(userName);
            state.Log.Increment("login.failed");
            return Results.Json(new JsonObject
            {
                ["authenticated"] = false,
                ["data"] = new JsonObject
                {
                    ["type"] = "https://api.backend.ai/probs/auth-failed",
                    ["title"] = "Credential/signature mismatch.",
                    ["details"] = reason,
                },
            });
        }

        var cookie = web.StartLogin(userName);
        state.Log.Increment("login.succeeded");
        SetCookie(context, cookie);
        if (web.SendSessionIdHeader)
        {
            context.Response.Headers[WebServerRoutes.SessionIdHeader] = cookie;
        }

        return Results.Json(new JsonObject
        {
            ["authenticated"] = true,
            ["data"] = new JsonObject
            {
                ["access_key"] = user!.AccessKey,
                ["role"] = user.Role,
                ["status"] = "active",
            },
        });
    }

    /// <summary>
    /// Gets the login a request carries (cookie, else the session-id header when that is switched on).
    /// </summary>
    public static (string? Cookie, string? UserName) CurrentLogin(HttpContext context, EmulationState state)
    {
        var web = state.WebServer;
        if (context.Request.Cookies.TryGetValue(WebServerEmulation.CookieName, out var cookie)
            && web.UserOf(cookie) is { } userName)
        {
            return (cookie, userName);
        }

        var header = context.Request.Headers[WebServerRoutes.SessionIdHeader].ToString();
        if (web.SendSessionIdHeader && web.UserOf(header) is { } byHeader)
        {
            return (header, byHeader);
        }

        return (null, null);
    }

    public static void SetCookie(HttpContext context, string value) =>
        context.Response.Cookies.Append(WebServerEmulation.CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Path = "/",
            SameSite = SameSiteMode.Lax,
        });
}
