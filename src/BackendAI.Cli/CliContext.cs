using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    private ILoggerFactory? _loggerFactory;

    /// <summary>Gets the global <c>--output text|json</c> option.</summary>
    public Option<string> OutputOption { get; } = CreateOutputOption();

    /// <summary>
    /// Gets the global <c>--debug</c> option: log the client's requests and fail-overs to standard error.
    /// </summary>
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
        var client = CreateClient(LoadConfig(), parseResult);
        try
        {
            await client.OpenAsync(cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Creates a client on <paramref name="config"/> without opening it, with <c>--debug</c> logging and the
    /// announcement left out, for commands that bound or time the opening themselves. The caller disposes it.
    /// </summary>
    /// <param name="config">The configuration.</param>
    /// <param name="parseResult">The parsed command line (for <c>--debug</c>).</param>
    /// <returns>The client, not yet open.</returns>
    /// <exception cref="ConfigurationException">No endpoint is configured (the command exits 2).</exception>
    public BackendAIClient CreateClient(ApiConfig config, ParseResult parseResult)
    {
        if (config.Endpoints.Count == 0)
        {
            throw new ConfigurationException(
                "No endpoint is configured: set BACKEND_ENDPOINT to the manager's URL (or the web server's, in "
                + "session mode), for example https://api.example.com. 'backend.ai config' shows what is in effect.");
        }

        var options = new BackendAIClientOptions { FetchAnnouncement = false };
        if (parseResult.GetValue(DebugOption))
        {
            options.LoggerFactory = _loggerFactory ??= LoggerFactory.Create(builder => builder
                .SetMinimumLevel(LogLevel.Debug)
                .AddSimpleConsole(console => console.SingleLine = true)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        }

        return new BackendAIClient(config, options);
    }

    /// <summary>
    /// Writes a command's result: <paramref name="json"/> as the one JSON document with <c>--output json</c>,
    /// else the line <paramref name="text"/>.
    /// </summary>
    /// <param name="parseResult">The parsed command line (for <c>--output</c>).</param>
    /// <param name="json">The result as JSON.</param>
    /// <param name="text">The result as one human line.</param>
    /// <returns>The success exit code.</returns>
    public async Task<int> WriteResultAsync(ParseResult parseResult, JsonNode json, string text)
    {
        if (GetOutputFormat(parseResult) == OutputFormat.Json)
        {
            JsonOutput.Write(Output, json);
        }
        else
        {
            await Output.WriteLineAsync(text);
        }

        return ExitCodes.Success;
    }

    /// <summary>Flushes and releases the <c>--debug</c> loggers, so the last lines reach standard error.</summary>
    public void FlushLogs()
    {
        _loggerFactory?.Dispose();
        _loggerFactory = null;
    }

    /// <summary>Writes one indented JSON document to standard output, text in any script left unescaped.</summary>
    /// <param name="write">Writes the document's value.</param>
    /// <returns>A task that completes when the document is written.</returns>
    public async Task WriteJsonAsync(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            write(json);
        }

        await Output.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray()));
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
