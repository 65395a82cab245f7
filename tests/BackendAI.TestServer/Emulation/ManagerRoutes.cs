using System.Text.Json.Nodes;

namespace BackendAI.TestServer.Emulation;

/// <summary>
/// The emulated manager's JSON routes (API <c>v8.20240315</c>): announcement, password updates, compute sessions
/// and virtual folders. They assume the request was already authenticated (by the host's signature check or
/// the web server's cookie check) and record every request in <see cref="EmulationState.Log"/>.
/// </summary>
public static class ManagerRoutes
{
    /// <summary>
    /// The key under <see cref="HttpContext.Items"/> where an authenticating layer may put the user name.
    /// </summary>
    public const string UserItemKey = "BackendAI.Emulation.User";

    /// <summary>Maps the manager routes.</summary>
    /// <param name="app">The application or route group to map onto.</param>
    /// <param name="state">The state the routes read and change.</param>
    /// <param name="prefix">A path prefix for every route, for example <c>/func</c>. Default none.</param>
    /// <returns>The group holding the routes, for adding filters.</returns>
    public static RouteGroupBuilder Map(IEndpointRouteBuilder app, EmulationState state, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);

        var routes = app.MapGroup(prefix);
        routes.AddEndpointFilter(EmulationRequest.RejectInvalidFieldsAsync);
        routes.MapGet("/manager/announcement",
            EmulationRequest.Handler(context => AnnouncementAsync(context, state)));
        routes.MapPost("/auth/update-password",
            EmulationRequest.Handler(context => UpdatePasswordAsync(context, state)));
        routes.MapPost("/auth/update-password-no-auth", EmulationRequest.Handler(context =>
            PasswordRoutes.UpdateWithoutLoginAsync(context, state)));

        SessionRoutes.Map(routes, state);
        FolderRoutes.Map(routes, state);
        FolderFileRoutes.Map(routes, state);
        TransferTicketRoutes.Map(routes, state);

        return routes;
    }

    /// <summary>Finds the user a request acts for: the one an authenticating layer named, else the owner of the
    /// access key in the <c>Authorization</c> header.</summary>
    internal static EmulatedUser? CurrentUser(HttpContext context, EmulationState state)
    {
        if (context.Items.TryGetValue(UserItemKey, out var name) && name is string userName)
        {
            return state.FindUser(userName);
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        var start = authorization.IndexOf("credential=", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var credential = authorization[(start + "credential=".Length)..];
        var colon = credential.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? state.FindUserByAccessKey(credential[..colon]) : null;
    }

    private static async Task<IResult> AnnouncementAsync(HttpContext context, EmulationState state)
    {
        await EmulationRequest.ReadAsync(context, state);
        var message = state.Announcement;
        return Results.Json(new JsonObject { ["enabled"] = message is not null, ["message"] = message ?? "" });
    }

    private static async Task<IResult> UpdatePasswordAsync(HttpContext context, EmulationState state)
    {
        var (body, error) = await EmulationRequest.ReadAsync(context, state);
        if (error is not null)
        {
            return error;
        }

        if (CurrentUser(context, state) is not { } user)
        {
            return ManagerProblems.AuthFailed("The request is not made by a known user.");
        }

        var oldPassword = EmulationRequest.String(body, "old_password");
        var newPassword = EmulationRequest.String(body, "new_password");
        var confirmation = EmulationRequest.String(body, "new_password2");
        if (oldPassword is null || string.IsNullOrEmpty(newPassword) || confirmation is null)
        {
            return ManagerProblems.BadRequest("'old_password', 'new_password' and 'new_password2' are required.");
        }

        if (!string.Equals(oldPassword, user.Password, StringComparison.Ordinal))
        {
            return ManagerProblems.AuthFailed("Old password mismatch.");
        }

        // The manager reports a confirmation mismatch in a 200 answer, not as an error.
        if (!string.Equals(newPassword, confirmation, StringComparison.Ordinal))
        {
            return Results.Json(new JsonObject { ["error_msg"] = "new password mismatch" });
        }

        user.Password = newPassword;
        return Results.Json(new JsonObject());
    }
}
