using System.CommandLine;
using BackendAI.Cli.Prompting;

namespace BackendAI.Cli.Commands;

/// <summary>
/// <c>backend.ai update-password</c>: changes the logged-in user's password (session mode), or with
/// <c>--no-auth</c> an expired password that no longer allows a login (either mode). Passwords are always asked
/// without echo, the new one twice.
/// </summary>
internal static class UpdatePasswordCommand
{
    internal static Command Create(CliContext context, IPrompter prompter)
    {
        var noAuth = new Option<bool>("--no-auth")
        {
            Description = "Change an expired password without a login (needs the user name).",
        };
        var user = new Option<string?>("--user", "-u")
        {
            Description = "With --no-auth: the user name. Default: BACKEND_USER, else asked.",
        };

        var command = new Command("update-password", "Change your password (asked without echo).")
        {
            noAuth, user,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context, prompter, parseResult, parseResult.GetValue(noAuth), parseResult.GetValue(user),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context,
        IPrompter prompter,
        ParseResult parseResult,
        bool noAuth,
        string? userOption,
        CancellationToken cancellationToken)
    {
        var config = context.LoadConfig();
        if (!noAuth && LoginModeGuard.RefuseUnlessSessionMode(context, config, "update-password") is { } refused)
        {
            return refused;
        }

        if (!noAuth && userOption is not null)
        {
            await context.Error.WriteLineAsync(
                "Error: --user goes with --no-auth; without it the password of the logged-in user is changed.");
            return ExitCodes.Failure;
        }

        using var client = context.CreateClient(config, parseResult);
        if (!noAuth && !client.Auth.IsLoggedIn)
        {
            await context.Error.WriteLineAsync(
                "Error: not logged in. Run 'backend.ai login' first, or change an expired password with "
                + "'backend.ai update-password --no-auth --user NAME'.");
            return ExitCodes.Failure;
        }

        try
        {
            var userName = noAuth ? LoginPrompts.ResolveUser(userOption, config, prompter) : null;
            var current = LoginPrompts.ReadSecret(prompter, "Current password: ", "current password");
            var fresh = LoginPrompts.ReadSecret(prompter, "New password: ", "new password");
            var again = LoginPrompts.ReadSecret(prompter, "New password again: ", "new password");
            if (!string.Equals(fresh, again, StringComparison.Ordinal))
            {
                await context.Error.WriteLineAsync("Error: the new passwords do not match; nothing was changed.");
                return ExitCodes.Failure;
            }

            await client.OpenAsync(cancellationToken);
            if (userName is null)
            {
                await client.Auth.UpdatePasswordAsync(current, fresh, cancellationToken);
                await context.Output.WriteLineAsync("Password updated.");
            }
            else
            {
                await client.Auth.UpdatePasswordNoAuthAsync(userName, current, fresh, cancellationToken);
                await context.Output.WriteLineAsync($"Password of {userName} updated; log in with the new one.");
            }

            return ExitCodes.Success;
        }
        catch (PromptException ex)
        {
            await context.Error.WriteLineAsync($"Error: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
