using System.CommandLine;

namespace BackendAI.Cli.Commands;

/// <summary><c>backend.ai config</c>: shows the configuration in effect, or why it cannot be built.</summary>
internal static class ConfigCommand
{
    internal static Command Create(CliContext context)
    {
        var command = new Command(
            "config",
            "Show the configuration in effect (from BACKEND_* variables, the nearest .env file and defaults) "
            + "and the server's version.");
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var config = context.LoadConfig();
        var status = await ConfigServerStatus.FetchAsync(context, config, parseResult, cancellationToken);

        if (context.GetOutputFormat(parseResult) == OutputFormat.Json)
        {
            ConfigJsonView.Write(config, status, context.Output);
            if (status.LoginProblem is not null)
            {
                await context.Error.WriteLineAsync($"Login: {status.LoginProblem}");
            }

            if (config.Endpoint is null)
            {
                // Standard output stays one JSON document; the hint goes to standard error.
                WriteEndpointHint(context.Error);
            }
        }
        else
        {
            ConfigTextView.Write(config, status, context.Output);
            if (config.Endpoint is null)
            {
                context.Output.WriteLine();
                WriteEndpointHint(context.Output);
            }
        }

        return ExitCodes.Success;
    }

    private static void WriteEndpointHint(TextWriter writer)
    {
        writer.WriteLine("No endpoint is configured. Set BACKEND_ENDPOINT to the manager's URL, for example:");
        writer.WriteLine("  export BACKEND_ENDPOINT=https://api.example.com");
        writer.WriteLine("or add the line BACKEND_ENDPOINT=https://api.example.com to a .env file");
        writer.WriteLine("in this directory or one of its parents. Several endpoints of one cluster may be");
        writer.WriteLine("given, separated by commas.");
    }
}
