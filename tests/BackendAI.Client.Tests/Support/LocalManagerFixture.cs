using BackendAI.TestServer;

namespace BackendAI.Client.Tests.Support;

/// <summary>One verify-only local manager shared by the tests of a class.</summary>
public sealed class LocalManagerFixture : IAsyncLifetime
{
    private TestServerHost? _server;

    /// <summary>Gets the running server.</summary>
    public TestServerHost Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>Starts the server.</summary>
    public async Task InitializeAsync()
    {
        _server = await TestServerHost.StartAsync(new TestServerOptions { ServerHostName = "manager.test.local" });
    }

    /// <summary>Stops the server, if it started.</summary>
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
