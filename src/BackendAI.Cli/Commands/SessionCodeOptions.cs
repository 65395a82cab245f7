using System.CommandLine;

namespace BackendAI.Cli.Commands;

/// <summary>
/// The code to run: <c>-c CODE</c> or <c>--file PATH</c>, exactly one of them; one instance per command.
/// </summary>
internal sealed class SessionCodeOptions
{
    /// <summary>Gets <c>--code</c>.</summary>
    public Option<string?> Code { get; } = new("--code", "-c") { Description = "The code to run." };

    /// <summary>Gets <c>--file</c>.</summary>
    public Option<FileInfo?> File { get; } = new("--file", "-f")
    {
        Description = "A file holding the code to run (instead of --code).",
        HelpName = "PATH",
    };

    /// <summary>Adds both options to <paramref name="command"/>, with the rule that exactly one is given.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Code);
        command.Options.Add(File);
        command.Validators.Add(result =>
        {
            var hasCode = result.GetResult(Code) is not null;
            var hasFile = result.GetResult(File) is not null;
            if (hasCode == hasFile)
            {
                result.AddError(hasCode
                    ? "Give the code either with --code or with --file, not both."
                    : "Give the code to run with --code CODE or --file PATH.");
            }
        });
    }

    /// <summary>Reads the code: the <c>--code</c> text, or the whole <c>--file</c>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names it).</exception>
    public async Task<string> ReadAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(File) is not { } file)
        {
            return parseResult.GetValue(Code) ?? string.Empty;
        }

        if (!file.Exists)
        {
            throw new FileNotFoundException($"The code file '{file.FullName}' given with --file does not exist.");
        }

        return await System.IO.File.ReadAllTextAsync(file.FullName, cancellationToken);
    }
}
