using BackendAI.Client.Configuration;

namespace BackendAI.Cli.Tests;

/// <summary>Runs the command line in-process with captured output and an injected environment.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> StartAsync(
        IReadOnlyDictionary<string, string> variables, string? dotEnv = null, params string[] args)
    {
        var directory = Path.Combine(Path.GetTempPath(), "backendai-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            if (dotEnv is not null)
            {
                await File.WriteAllTextAsync(Path.Combine(directory, ".env"), dotEnv);
            }

            return await StartAsync(() => ConfigurationEnvironment.FromVariables(variables, directory), args);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public static async Task<CliRun> StartAsync(Func<ConfigurationEnvironment> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await new CliApplication(output, error, environment).RunAsync(args);

        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
