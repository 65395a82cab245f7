using System.CommandLine;
using System.Text.Json.Nodes;
using BackendAI.Cli.Rendering;

namespace BackendAI.Cli.Commands;

/// <summary><c>backend.ai session rm|restart|logs NAME</c>.</summary>
internal static class SessionLifecycleCommands
{
    internal static Command CreateRemove(CliContext context)
    {
        var name = SessionCommand.NameArgument();
        var forced = new Option<bool>("--forced", "-f")
        {
            Description = "Destroy even when the session is busy or in a transitional state.",
        };
        var command = new Command("rm", "Destroy a session.");
        command.Aliases.Add("destroy");
        command.Arguments.Add(name);
        command.Options.Add(forced);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var session = parseResult.GetRequiredValue(name);
            using var client = await context.OpenClientAsync(parseResult, cancellationToken);
            var answer = await client.Sessions.DestroyAsync(
                session, parseResult.GetValue(forced), cancellationToken);

            var result = new JsonObject
            {
                ["name"] = session,
                ["destroyed"] = true,
                ["answer"] = JsonOutput.ToNode(answer),
            };
            return await context.WriteResultAsync(parseResult, result, $"Session {session} destroyed.");
        });
        return command;
    }

    internal static Command CreateRestart(CliContext context)
    {
        var name = SessionCommand.NameArgument();
        var command = new Command("restart", "Restart a session's containers.");
        command.Arguments.Add(name);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var session = parseResult.GetRequiredValue(name);
            using var client = await context.OpenClientAsync(parseResult, cancellationToken);
            await client.Sessions.RestartAsync(session, cancellationToken);

            return await context.WriteResultAsync(parseResult,
                new JsonObject { ["name"] = session, ["restarted"] = true }, $"Session {session} restarted.");
        });
        return command;
    }

    internal static Command CreateLogs(CliContext context)
    {
        var name = SessionCommand.NameArgument();
        var command = new Command("logs", "Print a session's container logs.");
        command.Arguments.Add(name);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var session = parseResult.GetRequiredValue(name);
            using var client = await context.OpenClientAsync(parseResult, cancellationToken);
            var logs = await client.Sessions.GetLogsAsync(session, cancellationToken);

            if (context.GetOutputFormat(parseResult) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Output, new JsonObject { ["name"] = session, ["logs"] = logs });
            }
            else
            {
                await context.Output.WriteAsync(logs);
                if (logs.Length > 0 && !logs.EndsWith('\n'))
                {
                    await context.Output.WriteLineAsync();
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
