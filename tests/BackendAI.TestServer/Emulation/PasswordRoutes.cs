using System.Globalization;
using System.Text.Json.Nodes;

namespace BackendAI.TestServer.Emulation;

/// <summary>The password update for users who cannot log in (an expired password), shared by the manager's
/// <c>/auth/update-password-no-auth</c> and the web server's <c>/server/update-password-no-auth</c>.</summary>
internal static class PasswordRoutes
{
    public static async Task<IResult> UpdateWithoutLoginAsync(HttpContext context, EmulationState state)
    {
        var (body, error) = await EmulationRequest.ReadAsync(context, state);
        if (error is not null)
        {
            return error;
        }

        var userName = EmulationRequest.String(body, "username");
        var current = EmulationRequest.String(body, "current_password");
        var fresh = EmulationRequest.String(body, "new_password");
        if (string.IsNullOrEmpty(userName) || current is null || string.IsNullOrEmpty(fresh))
        {
            return ManagerProblems.BadRequest("'username', 'current_password' and 'new_password' are required.");
        }

        var user = state.FindUser(userName);
        if (user is null || !string.Equals(user.Password, current, StringComparison.Ordinal))
        {
            return ManagerProblems.AuthFailed("User credential mismatch.");
        }

        if (string.Equals(current, fresh, StringComparison.Ordinal))
        {
            return ManagerProblems.BadRequest("The new password must differ from the current one.");
        }

        user.Password = fresh;
        var changedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        return Results.Json(new JsonObject { ["password_changed_at"] = changedAt });
    }
}
