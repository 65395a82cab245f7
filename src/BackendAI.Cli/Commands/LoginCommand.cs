using System.CommandLine;
using BackendAI.Cli.Prompting;
using BackendAI.Client.Configuration;
using BackendAI.Client.Functions.Auth;

namespace BackendAI.Cli.Commands;

/// <summary>
/// <c>backend.ai login</c>: logs in to the web server (session mode) and keeps the login for later runs. The user
/// comes from <c>--user</c>, <c>BACKEND_USER</c> or a prompt; the password from <c>--password-stdin</c>,
/// <c>BACKEND_PASSWORD</c> or a prompt without echo; the one-time password from <c>--otp</c> or a prompt, when
/// the server asks for one.
/// </summary>
internal static class LoginCommand
{
    internal static Command Create(CliContext context, IPrompter prompter)
    {
        var user = new Option<string?>("--user", "-u")
        {
            Description = "The user name (usually an e-mail address). Default: BACKEND_USER, else asked.",
        };
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Read the password from the first line of standard input (needs the user name "
                + "from --user or BACKEND_USER).",
        };
        var otp = new Option<string?>("--otp")
        {
            Description = "The one-time password, for accounts that have one. Default: asked when needed.",
        };

        var command = new Command("login", "Log in to the web server (session mode) and keep the login.")
        {
            user, passwordStdin, otp,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var input = new LoginInput(
                parseResult.GetValue(user), parseResult.GetValue(passwordStdin), parseResult.GetValue(otp));
            return RunAsync(context, prompter, parseResult, input, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context,
        IPrompter prompter,
        ParseResult parseResult,
        LoginInput input,
        CancellationToken cancellationToken)
    {
        var config = context.LoadConfig();
        if (LoginModeGuard.RefuseUnlessSessionMode(context, config, "login") is { } refused)
        {
            return refused;
        }

        try
        {
            var userName = ResolveUser(input, config, prompter);
            var password = ResolvePassword(input, config, prompter);

            using var client = context.CreateClient(config, parseResult);
            await client.OpenAsync(cancellationToken);
            var result = await client.Auth.LoginAsync(userName, password, input.Otp, cancellationToken);
            if (result.Status == LoginStatus.OtpRequired && input.Otp is null)
            {
                var answer = prompter.ReadLine("One-time password (OTP): ").Trim();
                var otp = LoginPrompts.Required(answer, "one-time password");
                result = await client.Auth.LoginAsync(userName, password, otp, cancellationToken);
            }

            if (!result.IsAuthenticated)
            {
                await context.Error.WriteLineAsync($"Login failed: {result.Reason}");
                return ExitCodes.Failure;
            }

            await WriteSuccessAsync(context, parseResult, userName);
            return ExitCodes.Success;
        }
        catch (PromptException ex)
        {
            await context.Error.WriteLineAsync($"Error: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    private static string ResolveUser(LoginInput input, ApiConfig config, IPrompter prompter)
    {
        if (input.PasswordFromStandardInput && string.IsNullOrWhiteSpace(input.User)
            && string.IsNullOrWhiteSpace(config.Environment.GetEnv("user", string.Empty)))
        {
            // Standard input carries the password, so it cannot also answer a prompt for the user name.
            throw new PromptException("--password-stdin needs the user name from --user or BACKEND_USER.");
        }

        return LoginPrompts.ResolveUser(input.User, config, prompter);
    }

    private static string ResolvePassword(LoginInput input, ApiConfig config, IPrompter prompter)
    {
        if (input.PasswordFromStandardInput)
        {
            var line = prompter.ReadStandardInputLine();
            return LoginPrompts.Required(line ?? string.Empty, "password on standard input");
        }

        var fromEnvironment = config.Environment.GetEnv("password", string.Empty);
        return fromEnvironment.Length > 0
            ? fromEnvironment
            : LoginPrompts.ReadSecret(prompter, "Password: ", "password");
    }

    private static async Task WriteSuccessAsync(CliContext context, ParseResult parseResult, string userName)
    {
        if (context.GetOutputFormat(parseResult) != OutputFormat.Json)
        {
            await context.Output.WriteLineAsync($"Logged in as {userName}.");
            return;
        }

        await context.WriteJsonAsync(json =>
        {
            json.WriteStartObject();
            json.WriteBoolean("authenticated", true);
            json.WriteString("user", userName);
            json.WriteEndObject();
        });
    }

    private sealed record LoginInput(string? User, bool PasswordFromStandardInput, string? Otp);
}
