using System.CommandLine;
using System.Text.Json.Nodes;
using BackendAI.Cli.Rendering;
using BackendAI.Client;
using BackendAI.Client.Functions.Sessions;

namespace BackendAI.Cli.Commands;

/// <summary>
/// <c>backend.ai run IMAGE -c CODE</c>: gets or creates a session, runs the code with its output shown as it
/// arrives, exits with the code's exit code, and destroys the session it created unless <c>--keep</c> is given
/// (also when the run fails or is cancelled). A session that existed before (named with <c>--name</c>) is kept.
/// </summary>
internal static class RunCommand
{
    internal static Command Create(CliContext context)
    {
        var image = new Argument<string>("IMAGE") { Description = "The image to run in, such as python:3.9." };
        var keep = new Option<bool>("--keep")
        {
            Description = "Keep the session when the run ends (it is destroyed by default).",
        };
        var session = new SessionCreationOptions();
        var code = new SessionCodeOptions();

        var command = new Command("run", "Run code in a new session and print its output; the session is "
            + "destroyed afterwards unless --keep is given.");
        command.Arguments.Add(image);
        command.Options.Add(keep);
        code.AddTo(command);
        session.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var text = await code.ReadAsync(parseResult, cancellationToken);
            var options = session.Build(parseResult, parseResult.GetRequiredValue(image), "run");
            var keepSession = parseResult.GetValue(keep);
            return await RunAsync(context, parseResult, options, text, keepSession, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, ParseResult parseResult, SessionCreateOptions options, string code, bool keep,
        CancellationToken cancellationToken)
    {
        var json = context.GetOutputFormat(parseResult) == OutputFormat.Json;
        using var client = await context.OpenClientAsync(parseResult, cancellationToken);

        var session = await client.Sessions.GetOrCreateAsync(options, cancellationToken);
        var name = session.Name;
        await context.Error.WriteLineAsync(session.Created
            ? $"Session {name} created ({session.Status ?? "status unknown"})."
            : $"Session {name} exists; running the code in it.");

        var destroy = session.Created && !keep;
        var writer = new SessionConsoleWriter(context, collect: json);
        (ExecutionResult Result, int ExitCode) outcome;
        try
        {
            outcome = await SessionCodeExecution.RunAsync(client, name, code, writer, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("Cancelled.");
            await EndAsync(context, client, name, destroy, session.Created, "after the cancellation");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await EndAsync(context, client, name, destroy, session.Created, "after the failure reported below");
            throw;
        }

        var destroyed = await EndAsync(context, client, name, destroy, session.Created, reason: null);
        if (json)
        {
            JsonOutput.Write(context.Output, new JsonObject
            {
                ["session"] = name,
                ["sessionId"] = session.SessionId,
                ["created"] = session.Created,
                ["status"] = outcome.Result.Status,
                ["exitCode"] = outcome.Result.ExitCode,
                ["console"] = writer.Collected,
                ["destroyed"] = destroyed,
            });
        }

        return outcome.ExitCode;
    }

    /// <summary>Destroys the session when asked and says what became of it; never throws.</summary>
    private static async Task<bool> EndAsync(
        CliContext context, BackendAIClient client, string name, bool destroy, bool created, string? reason)
    {
        var suffix = reason is null ? "." : $" {reason}.";
        if (!destroy)
        {
            await context.Error.WriteLineAsync(created
                ? $"Session {name} kept{suffix} Remove it with: backend.ai session rm {name}"
                : $"Session {name} existed before this run, so it is kept{suffix}");
            return false;
        }

        try
        {
            // The run's token may be cancelled already; cleaning up must still reach the manager.
            await client.Sessions.DestroyAsync(name, forced: false, CancellationToken.None);
            await context.Error.WriteLineAsync($"Session {name} destroyed{suffix}");
            return true;
        }
        catch (BackendAIException ex)
        {
            await context.Error.WriteLineAsync(
                $"Session {name} could not be destroyed ({ex.Message}); "
                + $"remove it with: backend.ai session rm {name}");
            return false;
        }
    }
}
