using System.CommandLine;
using BackendAI.Client.Configuration;

namespace BackendAI.Cli;

/// <summary>
/// What every command needs: the output writers, the global options and the configuration source.
/// </summary>
internal sealed class CliContext(TextWriter output, TextWriter error, Func<ConfigurationEnvironment> environment)
{
    /// <summary>Gets the global <c>--output text|json</c> option.</summary>
    public Option<string> OutputOption { get; } = CreateOutputOption();

    /// <summary>Gets the writer for results (standard output).</summary>
    public TextWriter Output { get; } = output;

    /// <summary>Gets the writer for diagnostics and hints (standard error).</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Returns the output format chosen on the command line.</summary>
    public OutputFormat GetOutputFormat(ParseResult parseResult) =>
        string.Equals(parseResult.GetValue(OutputOption), "json", StringComparison.OrdinalIgnoreCase)
            ? OutputFormat.Json
            : OutputFormat.Text;

    /// <summary>Builds the configuration from the environment and the nearest .env file.</summary>
    /// <exception cref="ConfigurationException">A value cannot be accepted.</exception>
    public ApiConfig LoadConfig() => ApiConfig.Create(options: null, environment());

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
