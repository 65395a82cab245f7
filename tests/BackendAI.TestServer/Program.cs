using System.Globalization;
using BackendAI.TestServer;

// Runs the local manager by hand: `dotnet run --project tests/BackendAI.TestServer [-- --port N]`.
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

await using TestServerHost server = await TestServerHost.StartAsync(options);
Console.WriteLine($"Backend.AI local manager (API v8.20240315, manager 24.03.9) listening on {server.BaseAddress}");
Console.WriteLine($"  BACKEND_ENDPOINT={server.BaseAddress}");
Console.WriteLine($"  BACKEND_ACCESS_KEY={TestKeypairs.DefaultAccessKey}");
Console.WriteLine($"  BACKEND_SECRET_KEY={TestKeypairs.DefaultSecretKey}");
Console.WriteLine("Press Ctrl+C to stop.");

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopped.");
}

return 0;
