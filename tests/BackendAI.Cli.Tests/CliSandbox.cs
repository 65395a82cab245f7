using BackendAI.Client.Configuration;

namespace BackendAI.Cli.Tests;

/// <summary>
/// A private temporary directory with a working directory and a state directory (BACKEND_STATE_DIR), and the
/// variables every run of the command line in it sees. Each run is a new <see cref="CliApplication"/>, as a new
/// process would be; the login store is what carries over between runs.
/// </summary>
internal sealed class CliSandbox : IDisposable
{
    private readonly string _root;

    public CliSandbox(IReadOnlyDictionary<string, string> variables)
    {
        _root = Path.Combine(Path.GetTempPath(), "backendai-cli-sandbox-" + Guid.NewGuid().ToString("N"));
        WorkingDirectory = Path.Combine(_root, "work");
        StateDirectory = Path.Combine(_root, "state");
        Directory.CreateDirectory(WorkingDirectory);
        Variables = new Dictionary<string, string>(variables) { ["BACKEND_STATE_DIR"] = StateDirectory };
    }

    /// <summary>Gets the directory the runs start in (relative --data @files are found here).</summary>
    public string WorkingDirectory { get; }

    /// <summary>Gets the state directory, where the login store keeps its file.</summary>
    public string StateDirectory { get; }

    /// <summary>Gets the variables the runs see; change them between runs as a user would.</summary>
    public Dictionary<string, string> Variables { get; }

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(new ScriptedPrompter(), args);

    public async Task<CliRun> RunAsync(ScriptedPrompter prompter, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var variables = new Dictionary<string, string>(Variables);
        var application = new CliApplication(output, error, Environment, prompter);

        var exitCode = await application.RunAsync(args);

        return new CliRun(exitCode, output.ToString(), error.ToString());

        // No .env search: a stray file above the temporary directory must not change the tests.
        ConfigurationEnvironment Environment() =>
            ConfigurationEnvironment.FromVariables(variables, WorkingDirectory, readDotEnvFile: false);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
