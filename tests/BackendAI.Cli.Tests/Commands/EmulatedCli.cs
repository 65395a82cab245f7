using System.Globalization;
using BackendAI.Client.Configuration;
using BackendAI.TestServer;
using BackendAI.TestServer.Emulation;

namespace BackendAI.Cli.Tests.Commands;

/// <summary>
/// An emulated cluster on a loopback port and the command line pointed at it through an injected environment
/// (endpoint, the default test keypair, no shuffling, a private state directory, domain <c>lab</c> and
/// group <c>research</c>). Runs the command line in-process with captured output.
/// </summary>
internal sealed class EmulatedCli : IAsyncDisposable
{
    public const string ConfiguredDomain = "lab";

    public const string ConfiguredGroup = "research";

    private EmulatedCli(EmulationState state, TestServerHost server, string directory)
    {
        State = state;
        Server = server;
        Directory = directory;
        Variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BACKEND_ENDPOINT"] = server.BaseAddress.AbsoluteUri,
            ["BACKEND_ACCESS_KEY"] = TestKeypairs.DefaultAccessKey,
            ["BACKEND_SECRET_KEY"] = TestKeypairs.DefaultSecretKey,
            ["BACKEND_ENDPOINT_SHUFFLE"] = "no",
            ["BACKEND_STATE_DIR"] = Path.Combine(directory, "state"),
            ["BACKEND_DOMAIN"] = ConfiguredDomain,
            ["BACKEND_GROUP"] = ConfiguredGroup,
        };
    }

    public EmulationState State { get; }

    public TestServerHost Server { get; }

    /// <summary>Gets a private directory: the working directory for configuration and local files.</summary>
    public string Directory { get; }

    /// <summary>Gets the environment the command line sees; tests add to it.</summary>
    public Dictionary<string, string> Variables { get; }

    /// <summary>Gets the server's port.</summary>
    public int Port => Server.BaseAddress.Port;

    /// <summary>Gets the loopback base URL of the storage proxy (the same port as the manager).</summary>
    public string LoopbackProxy => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}");

    public static async Task<EmulatedCli> StartAsync()
    {
        var state = new EmulationState();
        state.AddUser("user@example.com", "password", accessKey: TestKeypairs.DefaultAccessKey);
        var directory = Path.Combine(Path.GetTempPath(), "backendai-cli-emulated-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var server = await EmulatedCluster.StartAsync(state);
        return new EmulatedCli(state, server, directory);
    }

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(new CliRunSettings(), args);

    public async Task<CliRun> RunAsync(CliRunSettings settings, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var variables = new Dictionary<string, string>(Variables, StringComparer.Ordinal);
        var application = new CliApplication(
            settings.Output ?? output, error, () => ConfigurationEnvironment.FromVariables(variables, Directory));
        application.Context.OutputIsTerminal = settings.Terminal;

        var exitCode = await application.RunAsync(args, settings.CancellationToken);

        var written = settings.Output is null ? output.ToString() : settings.Output.ToString() ?? "";
        return new CliRun(exitCode, written, error.ToString());
    }

    /// <summary>Returns a path inside <see cref="Directory"/>.</summary>
    public string LocalPath(string name) => Path.Combine(Directory, name);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        State.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
