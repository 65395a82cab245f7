using System.CommandLine;

namespace BackendAI.Cli.Commands;

/// <summary><c>backend.ai announcement</c>: shows the manager's announcement, if one is enabled.</summary>
internal static class AnnouncementCommand
{
    internal static Command Create(CliContext context)
    {
        var command = new Command("announcement", "Show the announcement the cluster's administrators have set.");
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        using var client = await context.OpenClientAsync(parseResult, cancellationToken);
        var announcement = await client.Manager.GetAnnouncementAsync(cancellationToken);

        if (context.GetOutputFormat(parseResult) == OutputFormat.Json)
        {
            await context.WriteJsonAsync(json =>
            {
                json.WriteStartObject();
                json.WriteBoolean("enabled", announcement.Enabled);
                json.WriteString("message", announcement.Message);
                json.WriteEndObject();
            });
        }
        else
        {
            var text = announcement.Enabled && announcement.Message.Length > 0
                ? announcement.Message
                : "No announcement.";
            await context.Output.WriteLineAsync(text);
        }

        return ExitCodes.Success;
    }
}
