using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackendAI.Cli.Rendering;

namespace BackendAI.Cli.Commands;

/// <summary><c>backend.ai session</c>: create, inspect, run code in, restart and remove compute sessions.</summary>
internal static class SessionCommand
{
    internal static Command Create(CliContext context)
    {
        var command = new Command("session", "Create, inspect, run code in, restart and remove compute sessions.");
        command.Subcommands.Add(CreateCreate(context));
        command.Subcommands.Add(CreateInfo(context));
        command.Subcommands.Add(SessionLifecycleCommands.CreateRemove(context));
        command.Subcommands.Add(SessionLifecycleCommands.CreateRestart(context));
        command.Subcommands.Add(SessionLifecycleCommands.CreateLogs(context));
        command.Subcommands.Add(SessionRunCommand.Create(context));
        return command;
    }

    /// <summary>Creates the <c>NAME</c> argument that names an existing session.</summary>
    internal static Argument<string> NameArgument() => new("NAME") { Description = "The session's name or id." };

    private static Command CreateCreate(CliContext context)
    {
        var image = new Argument<string>("IMAGE") { Description = "The image to run, such as python:3.9." };
        var session = new SessionCreationOptions();
        var command = new Command("create", "Create a session, or reuse the one of the same name.");
        command.Arguments.Add(image);
        session.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = session.Build(parseResult, parseResult.GetRequiredValue(image), "session");
            using var client = await context.OpenClientAsync(parseResult, cancellationToken);
            var created = await client.Sessions.GetOrCreateAsync(options, cancellationToken);
            var name = created.Name;

            if (context.GetOutputFormat(parseResult) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Output, new JsonObject
                {
                    ["sessionId"] = created.SessionId,
                    ["name"] = name,
                    ["created"] = created.Created,
                    ["status"] = created.Status,
                    ["servicePorts"] = JsonOutput.ToNode(created.ServicePorts),
                });
            }
            else
            {
                var verb = created.Created ? "created" : "exists already (reused)";
                await context.Output.WriteLineAsync($"Session {name} {verb}: id {created.SessionId}, "
                    + $"status {created.Status ?? "unknown"}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateInfo(CliContext context)
    {
        var name = NameArgument();
        var command = new Command("info", "Show a session's details.");
        command.Arguments.Add(name);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = await context.OpenClientAsync(parseResult, cancellationToken);
            var info = await client.Sessions.GetInfoAsync(parseResult.GetRequiredValue(name), cancellationToken);

            if (context.GetOutputFormat(parseResult) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Output, info);
            }
            else
            {
                context.CreateHumanOutput().WriteProperties(Properties(info));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Lists the top-level fields of a manager answer as name/value pairs, in order.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> Properties(JsonElement answer) =>
        answer.ValueKind == JsonValueKind.Object
            ? answer.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, JsonDisplay.Text(p.Value)))
            : [KeyValuePair.Create("answer", JsonDisplay.Text(answer))];
}
