using BackendAI.TestServer;

namespace BackendAI.Client.Tests.Support;

/// <summary>Several local managers, stopped together.</summary>
internal sealed class ServerSet : List<TestServerHost>, IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        foreach (var server in this)
        {
            await server.DisposeAsync();
        }
    }
}
