using BackendAI.TestServer;
using BackendAI.TestServer.Emulation;
using BackendAI.TestServer.Recording;

namespace BackendAI.Cli.Tests.Commands;

/// <summary>
/// An emulated web server with a plain user and an OTP user, and a sandbox whose runs use it in session mode.
/// </summary>
internal sealed class SessionModeFixture : IAsyncDisposable
{
    public const string User = "user@example.com";
    public const string Password = "correct horse";
    public const string OtpUser = "otp@example.com";
    public const string Otp = "123456";

    private SessionModeFixture(EmulationState state, TestServerHost server, CliSandbox sandbox)
    {
        State = state;
        Server = server;
        Sandbox = sandbox;
    }

    public EmulationState State { get; }

    public TestServerHost Server { get; }

    public CliSandbox Sandbox { get; }

    /// <summary>Gets the path of the login file the runs share.</summary>
    public string LoginFile => Path.Combine(Sandbox.StateDirectory, "logins.json");

    public static async Task<SessionModeFixture> StartAsync()
    {
        var state = new EmulationState();
        state.AddUser(User, Password);
        state.AddUser(OtpUser, Password, otp: Otp);
        var server = await EmulatedCluster.StartAsync(state);
        var sandbox = new CliSandbox(new Dictionary<string, string>
        {
            ["BACKEND_ENDPOINT"] = server.BaseAddress.AbsoluteUri,
            ["BACKEND_ENDPOINT_TYPE"] = "session",

            // Keys that session mode must ignore: a signature here would be a bug.
            ["BACKEND_ACCESS_KEY"] = TestKeypairs.DefaultAccessKey,
            ["BACKEND_SECRET_KEY"] = TestKeypairs.DefaultSecretKey,
        });
        return new SessionModeFixture(state, server, sandbox);
    }

    /// <summary>Returns the requests the server received for a path (the raw target).</summary>
    public IReadOnlyList<RecordedRequest> Received(string rawTarget) =>
        [.. Server.Recorder.Requests.Where(r => r.RawTarget == rawTarget)];

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Sandbox.Dispose();
        State.Dispose();
    }
}
