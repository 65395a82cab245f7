using System.Text.Json.Nodes;

namespace BackendAI.TestServer.Emulation;

/// <summary>
/// The emulated Backend.AI web (console) server: <c>/server/login</c>, <c>/server/logout</c>,
/// <c>/server/update-password-no-auth</c>, the public <c>GET /func/</c>, and <c>/func/*</c>, which requires the
/// <c>AIOHTTP_SESSION</c> cookie (401 otherwise) and serves the manager routes. Switches live in
/// <see cref="EmulationState.WebServer"/>; users in <see cref="EmulationState.AddUser"/>.
/// </summary>
public static class WebServerRoutes
{
    /// <summary>The header that carries the session id when <see cref="WebServerEmulation.SendSessionIdHeader"/>
    /// is on.</summary>
    public const string SessionIdHeader = "X-BackendAI-SessionID";

    /// <summary>Maps the web-server routes.</summary>
    /// <param name="app">The application to map onto.</param>
    /// <param name="state">The state holding users, logins and switches.</param>
    /// <param name="managerRoutes">Maps the routes served under <c>/func</c> onto the group it is given;
    /// <see langword="null"/> (the default) maps <see cref="ManagerRoutes"/> with the same state.</param>
    public static void Map(
        IEndpointRouteBuilder app, EmulationState state, Action<IEndpointRouteBuilder>? managerRoutes = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);

        var server = app.MapGroup("/server");
        server.AddEndpointFilter(EmulationRequest.RejectInvalidFieldsAsync);
        server.MapPost("/login", EmulationRequest.Handler(context => WebLogin.LoginAsync(context, state)));
        server.MapPost("/logout", EmulationRequest.Handler(context => LogoutAsync(context, state)));
        server.MapPost("/update-password-no-auth", EmulationRequest.Handler(context =>
            PasswordRoutes.UpdateWithoutLoginAsync(context, state)));
        app.MapGet("/func", EmulationRequest.Handler(context => VersionAsync(context, state)));

        var functions = app.MapGroup("/func");
        functions.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            var (cookie, userName) = WebLogin.CurrentLogin(context, state);
            if (userName is null)
            {
                EmulationRequest.Record(context, state, null);
                return ManagerProblems.Problem(StatusCodes.Status401Unauthorized, "auth-failed",
                    "Unauthorized access", "Log in through /server/login first.");
            }

            context.Items[ManagerRoutes.UserItemKey] = userName;
            var result = await next(invocation);
            if (state.WebServer.RotateIfDue(cookie!) is { } fresh)
            {
                WebLogin.SetCookie(context, fresh);
            }

            return result;
        });

        if (managerRoutes is null)
        {
            ManagerRoutes.Map(functions, state);
        }
        else
        {
            managerRoutes(functions);
        }

        functions.Map("/{**path}", (HttpContext context, string? path) =>
            ManagerProblems.Problem(StatusCodes.Status404NotFound, "not-found", "Not found.",
                $"No route for '/{path}'."));
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, EmulationState state)
    {
        await EmulationRequest.ReadAsync(context, state);
        var (cookie, _) = WebLogin.CurrentLogin(context, state);
        if (cookie is not null)
        {
            state.WebServer.EndLogin(cookie);
        }

        context.Response.Cookies.Delete(WebServerEmulation.CookieName, new CookieOptions { Path = "/" });
        return Results.StatusCode(state.WebServer.LogoutStatusCode);
    }

    private static async Task<IResult> VersionAsync(HttpContext context, EmulationState state)
    {
        await EmulationRequest.ReadAsync(context, state);
        return Results.Json(new JsonObject
        {
            ["version"] = state.ApiVersion,
            ["manager"] = state.ManagerVersion,
        });
    }
}
