using BackendAI.Client.Configuration;
using BackendAI.TestServer;
using BackendAI.TestServer.Emulation;
using BackendAI.TestServer.Recording;

namespace BackendAI.Client.Tests.Functions;

/// <summary>
/// One emulated cluster (manager, web server and storage proxy on a loopback port) with its own temporary
/// directory for the login state and for files; configurations are built from injected variables only.
/// </summary>
internal sealed class ClusterScope : IAsyncDisposable
{
    /// <summary>The user the api-mode keypair belongs to.</summary>
    internal const string KeypairUser = "keypair-user@example.com";

    private ClusterScope(EmulationState state, TestServerHost server, string directory)
    {
        State = state;
        Server = server;
        Directory = directory;
    }

    public EmulationState State { get; }

    public TestServerHost Server { get; }

    public RequestRecorder Recorder => Server.Recorder;

    /// <summary>Gets the scope's private temporary directory (deleted on dispose).</summary>
    public string Directory { get; }

    /// <summary>Gets the state directory session-mode configurations of this scope use.</summary>
    public string StateDirectory => Path.Combine(Directory, "state");

    /// <summary>Gets <c>http://127.0.0.1:port</c> without a trailing slash.</summary>
    public string Endpoint => Server.BaseAddress.AbsoluteUri.TrimEnd('/');

    public static async Task<ClusterScope> StartAsync()
    {
        var state = new EmulationState();
        state.AddUser(KeypairUser, "keypair-password", accessKey: TestKeypairs.DefaultAccessKey);
        var directory = Path.Combine(Path.GetTempPath(), "backendai-ft-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        try
        {
            var server = await EmulatedCluster.StartAsync(state);
            return new ClusterScope(state, server, directory);
        }
        catch
        {
            state.Dispose();
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>A session-mode configuration for this cluster; extra variables override the defaults.</summary>
    public ApiConfig SessionConfig(params (string Name, string Value)[] extra) =>
        Build(new Dictionary<string, string>
        {
            ["BACKEND_ENDPOINT"] = Endpoint,
            ["BACKEND_ENDPOINT_TYPE"] = "session",
            ["BACKEND_STATE_DIR"] = StateDirectory,
        }, extra);

    /// <summary>An api-mode (signed) configuration for this cluster; extra variables override defaults.</summary>
    public ApiConfig KeypairConfig(params (string Name, string Value)[] extra) =>
        Build(new Dictionary<string, string>
        {
            ["BACKEND_ENDPOINT"] = Endpoint,
            ["BACKEND_ACCESS_KEY"] = TestKeypairs.DefaultAccessKey,
            ["BACKEND_SECRET_KEY"] = TestKeypairs.DefaultSecretKey,
            ["BACKEND_STATE_DIR"] = StateDirectory,
        }, extra);

    /// <summary>Builds a configuration from these variables only (no process environment, no .env).</summary>
    public ApiConfig Build(Dictionary<string, string> variables, params (string Name, string Value)[] extra)
    {
        foreach (var (name, value) in extra)
        {
            variables[name] = value;
        }

        var environment = ConfigurationEnvironment.FromVariables(variables, Directory, readDotEnvFile: false);
        return ApiConfig.Create(null, environment);
    }

    /// <summary>A client that skips the opening calls, so the recorder shows only what a test does.</summary>
    public static BackendAIClient Client(ApiConfig config) =>
        new(config, new BackendAIClientOptions { NegotiateVersion = false, FetchAnnouncement = false });

    /// <summary>Requests the server received for a path (query excluded), in order.</summary>
    public IReadOnlyList<RecordedRequest> Received(string method, string path) =>
        [.. Recorder.Requests.Where(r => r.Method == method && PathOf(r) == path)];

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        State.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a cancelled transfer; the temp directory is cleaned by the system later.
        }
    }

    private static string PathOf(RecordedRequest request)
    {
        var query = request.RawTarget.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? request.RawTarget : request.RawTarget[..query];
    }
}
