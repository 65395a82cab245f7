using System.CommandLine;
using BackendAI.Cli.Rendering;
using BackendAI.Client;
using BackendAI.Client.Configuration;
using Microsoft.Extensions.Logging;

namespace BackendAI.Cli;

/// <summary>
/// What every command needs: the output writers, the global options and the configuration source.
/// </summary>
internal sealed class CliContext(TextWriter output, TextWriter error, Func<ConfigurationEnvironment> environment)
{
    /// <summary>Gets the global <c>--output text|json</c> option.</summary>
    public Option<string> OutputOption { get; } = CreateOutputOption();

    /// <summary>Gets the global <c>--debug</c> option: log the client's requests and fail-overs to standard error.</summary>
    public Option<bool> DebugOption { get; } = new("--debug")
    {
        Description = "Log requests, fail-overs and retries to standard error (never keys or cookies).",
        Recursive = true,
    };

    /// <summary>Gets the writer for results (standard output).</summary>
    public TextWriter Output { get; } = output;

    /// <summary>Gets the writer for diagnostics and hints (standard error).</summary>
    public TextWriter Error { get; } = error;

    /// <summary>
    /// Gets or sets a value indicating whether <see cref="Output"/> is an interactive terminal (tables and
    /// progress bars) rather than a file or pipe (plain lines). True only for the console's own, unredirected
    /// standard output; tests set it to draw as on a terminal.
    /// </summary>
    public bool OutputIsTerminal { get; set; } =
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>Creates the text renderer over <see cref="Output"/> for the current terminal state.</summary>
    public HumanOutput CreateHumanOutput() => new(Output, OutputIsTerminal);

    /// <summary>Returns the output format chosen on the command line.</summary>
    public OutputFormat GetOutputFormat(ParseResult parseResult) =>
        string.Equals(parseResult.GetValue(OutputOption), "json", StringComparison.OrdinalIgnoreCase)
            ? OutputFormat.Json
            : OutputFormat.Text;

    /// <summary>Builds the configuration from the environment and the nearest .env file.</summary>
    /// <exception cref="ConfigurationException">A value cannot be accepted.</exception>
    public ApiConfig LoadConfig() => ApiConfig.Create(options: null, environment());

    /// <summary>
    /// Builds the configuration and opens a client on it: version negotiation included, the announcement
    /// left to the <c>announcement</c> command. The caller disposes the client.
    /// </summary>
    /// <param name="parseResult">The parsed command line (for <c>--debug</c>).</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The open client.</returns>
    public async Task<BackendAIClient> OpenClientAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var config = LoadConfig();
        var options = new BackendAIClientOptions { FetchAnnouncement = false };
        if (parseResult.GetValue(DebugOption))
        {
            options.LoggerFactory = LoggerFactory.Create(builder => builder
                .SetMinimumLevel(LogLevel.Debug)
                .AddSimpleConsole(console => console.SingleLine = true)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        }

        return await BackendAIClient.OpenAsync(config, options, cancellationToken);
    }

    private static Option<string> CreateOutputOption()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "Output format: text or json.",
            DefaultValueFactory = static _ => "text",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }
}
