using System.CommandLine;
using System.CommandLine.Parsing;
using BackendAI.Cli.Commands;
using BackendAI.Cli.Prompting;
using BackendAI.Client;
using BackendAI.Client.Configuration;

namespace BackendAI.Cli;

/// <summary>
/// The <c>backend.ai</c> command line: builds the command tree and runs it, turning failures into exit codes
/// (0 success, 1 failure, 2 configuration error) and one-line messages on standard error, never a stack trace.
/// </summary>
internal sealed class CliApplication
{
    private readonly CliContext _context;

    /// <summary>Initializes the application with its writers and, for tests, a replacement environment.</summary>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors and hints go.</param>
    /// <param name="environment">Supplies the configuration environment; the process's by default.</param>
    /// <param name="prompter">Asks for user names and passwords; the terminal by default.</param>
    public CliApplication(
        TextWriter output,
        TextWriter error,
        Func<ConfigurationEnvironment>? environment = null,
        IPrompter? prompter = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        environment ??= static () => ConfigurationEnvironment.FromProcess();
        prompter ??= new ConsolePrompter();
        _context = new CliContext(output, error, environment);

        Root = new RootCommand("Command-line client for the Backend.AI platform.");
        Root.Options.Add(_context.OutputOption);
        Root.Options.Add(_context.DebugOption);

        Root.Subcommands.Add(ConfigCommand.Create(_context));
        Root.Subcommands.Add(ApiCommand.Create(_context));
        Root.Subcommands.Add(AnnouncementCommand.Create(_context));
        Root.Subcommands.Add(LoginCommand.Create(_context, prompter));
        Root.Subcommands.Add(LogoutCommand.Create(_context));
        Root.Subcommands.Add(UpdatePasswordCommand.Create(_context, prompter));
        Root.Subcommands.Add(RunCommand.Create(_context));
        Root.Subcommands.Add(SessionCommand.Create(_context));
        Root.Subcommands.Add(VFolderCommand.Create(_context));
    }

    /// <summary>Gets what the commands share; tests use it to draw as on a terminal.</summary>
    internal CliContext Context => _context;

    /// <summary>Gets the root command, to which each command group adds its commands.</summary>
    public RootCommand Root { get; }

    /// <summary>Parses the arguments and runs the chosen command.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="cancellationToken">Cancels a running command.</param>
    /// <returns>The process exit code.</returns>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        // No response files: "@name" is a value here (api --data @body.json), not a file of arguments.
        var parseResult = Root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            // Usage errors go to standard error only, so standard output stays clean for --output json.
            foreach (var error in parseResult.Errors)
            {
                await _context.Error.WriteLineAsync($"Usage error: {error.Message}");
            }

            await _context.Error.WriteLineAsync($"Run '{CommandPath(parseResult)} --help' for usage.");
            return ExitCodes.Failure;
        }

        var invocation = new InvocationConfiguration
        {
            Output = _context.Output,
            Error = _context.Error,
            EnableDefaultExceptionHandler = false,

            // After Ctrl+C a command gets this long to clean up (run destroys its session) before the exit.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(15),
        };

        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }
        catch (ConfigurationException ex)
        {
            await _context.Error.WriteLineAsync($"Configuration error: {ex.Message}");
            return ExitCodes.ConfigurationError;
        }
        catch (BackendAIApiException ex)
        {
            await _context.Error.WriteLineAsync(ErrorText.Describe(ex));
            return ExitCodes.Failure;
        }
        catch (BackendAIException ex)
        {
            await _context.Error.WriteLineAsync($"Error: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (ArgumentException ex)
        {
            // A caller mistake caught by the library: its own words, without the parameter suffix.
            var message = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')",
                string.Empty, StringComparison.Ordinal);
            await _context.Error.WriteLineAsync($"Error: {message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C cancels the command's own token, not only the caller's: either way it is a cancellation
            // (timeouts are reported as transport errors, never as cancellations).
            await _context.Error.WriteLineAsync("Cancelled.");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The last line of defence: the user gets the reason, not a stack trace.
            await _context.Error.WriteLineAsync($"Error: {ex.Message}");
            return ExitCodes.Failure;
        }
        finally
        {
            _context.FlushLogs();
        }
    }

    /// <summary>The command as typed, such as <c>backend.ai vfolder upload</c>.</summary>
    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (SymbolResult? result = parseResult.CommandResult; result is CommandResult command; result = command.Parent)
        {
            names.Insert(0, command.Command.Name);
        }

        names[0] = "backend.ai";
        return string.Join(' ', names);
    }
}
