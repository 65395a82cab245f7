using System.CommandLine;

namespace BackendAI.Cli.Commands;

/// <summary><c>backend.ai logout</c>: logs out of the web server and forgets the kept login.</summary>
internal static class LogoutCommand
{
    internal static Command Create(CliContext context)
    {
        var command = new Command("logout", "Log out of the web server (session mode) and forget the kept login.");
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var config = context.LoadConfig();
        if (LoginModeGuard.RefuseUnlessSessionMode(context, config, "logout") is { } refused)
        {
            return refused;
        }

        using var client = context.CreateClient(config, parseResult);
        if (!client.Auth.IsLoggedIn)
        {
            await context.Output.WriteLineAsync("Not logged in; nothing to do.");
            return ExitCodes.Success;
        }

        var userName = client.Auth.LoggedInUser;
        await client.OpenAsync(cancellationToken);

        // When the server cannot end the login, the library keeps it and throws: the error tells the user to retry.
        await client.Auth.LogoutAsync(cancellationToken);
        await context.Output.WriteLineAsync(userName is null ? "Logged out." : $"Logged out {userName}.");
        return ExitCodes.Success;
    }
}
