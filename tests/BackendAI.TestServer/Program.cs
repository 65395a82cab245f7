using System.Globalization;
using System.Runtime.InteropServices;
using BackendAI.TestServer;
using BackendAI.TestServer.Emulation;

// Runs the local server by hand: `dotnet run --project tests/BackendAI.TestServer [-- --port N] [--emulate]`.
// Verify-only mode echoes every verified request; --emulate serves sessions, folders, the web server
// (session mode) and the storage proxy, with one demo user.
var options = new TestServerOptions { LogToConsole = args.Contains("--verbose") };
int portAt = Array.IndexOf(args, "--port");
if (portAt >= 0)
{
    if (portAt + 1 >= args.Length
        || !int.TryParse(args[portAt + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int port)
        || port > 65535)
    {
        string given = portAt + 1 < args.Length ? args[portAt + 1] : "";
        Console.Error.WriteLine($"--port needs a number from 0 to 65535, got '{given}'.");
        return 2;
    }

    options.Port = port;
}

const string DemoUser = "demo@example.com";
const string DemoPassword = "demo-password";
bool emulate = args.Contains("--emulate");
using var state = new EmulationState();
state.AddUser(DemoUser, DemoPassword, accessKey: TestKeypairs.DefaultAccessKey);
state.CreateFolder("mydata");

await using TestServerHost server = emulate
    ? await EmulatedCluster.StartAsync(state, o =>
    {
        o.Port = options.Port;
        o.LogToConsole = options.LogToConsole;
    })
    : await TestServerHost.StartAsync(options);
string mode = emulate ? "emulation" : "verify-only";
Console.WriteLine($"Backend.AI local server ({mode}; API v8.20240315, manager 24.03.9) on {server.BaseAddress}");
Console.WriteLine("API mode (keypair):");
Console.WriteLine($"  export BACKEND_ENDPOINT={server.BaseAddress}");
Console.WriteLine($"  export BACKEND_ACCESS_KEY={TestKeypairs.DefaultAccessKey}");
Console.WriteLine($"  export BACKEND_SECRET_KEY={TestKeypairs.DefaultSecretKey}");
if (emulate)
{
    Console.WriteLine("Session mode (web server login):");
    Console.WriteLine($"  export BACKEND_ENDPOINT={server.BaseAddress} BACKEND_ENDPOINT_TYPE=session");
    Console.WriteLine($"  user {DemoUser}, password {DemoPassword}");
}

Console.WriteLine("Press Ctrl+C to stop.");

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

// `kill` (SIGTERM) stops the server as Ctrl+C does, also when it runs in the background of a script.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopped.");
}

return 0;
