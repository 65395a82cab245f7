using System.CommandLine;
using System.Text.Json.Nodes;
using BackendAI.Cli.Rendering;

namespace BackendAI.Cli.Commands;

/// <summary>
/// <c>backend.ai session run NAME -c CODE</c>: runs code in an existing session, printing its output as it
/// arrives, and exits with the code's exit code. The session stays.
/// </summary>
internal static class SessionRunCommand
{
    internal static Command Create(CliContext context)
    {
        var name = SessionCommand.NameArgument();
        var code = new SessionCodeOptions();
        var command = new Command("run", "Run code in an existing session and print its output.");
        command.Arguments.Add(name);
        code.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var session = parseResult.GetRequiredValue(name);
            var text = await code.ReadAsync(parseResult, cancellationToken);
            var json = context.GetOutputFormat(parseResult) == OutputFormat.Json;
            using var client = await context.OpenClientAsync(parseResult, cancellationToken);

            var writer = new SessionConsoleWriter(context, collect: json);
            var (result, exitCode) = await SessionCodeExecution.RunAsync(
                client, session, text, writer, cancellationToken);

            if (json)
            {
                JsonOutput.Write(context.Output, new JsonObject
                {
                    ["session"] = session,
                    ["status"] = result.Status,
                    ["exitCode"] = exitCode,
                    ["console"] = writer.Collected,
                });
            }

            return exitCode;
        });
        return command;
    }
}
