using BackendAI.Client.Configuration;
using BackendAI.Client.Transport;
using BackendAI.TestServer;

namespace BackendAI.Client.Tests.Support;

/// <summary>
/// Builds configurations and clients for pipeline tests: the test keypair, a fixed endpoint order and an empty
/// environment, so nothing from the machine's variables or a <c>.env</c> file leaks in.
/// </summary>
internal static class PipelineKit
{
    /// <summary>Builds a signed configuration over <paramref name="endpoints"/>, in that order.</summary>
    internal static ApiConfig Config(IEnumerable<Uri> endpoints, Action<ApiConfigOptions>? configure = null)
    {
        var options = new ApiConfigOptions
        {
            Endpoints = endpoints.Select(e => e.ToString()).ToList(),
            AccessKey = TestKeypairs.DefaultAccessKey,
            SecretKey = TestKeypairs.DefaultSecretKey,
            ShuffleEndpoints = false,
        };
        configure?.Invoke(options);
        var environment = ConfigurationEnvironment.FromVariables(
            new Dictionary<string, string>(), Path.GetTempPath(), readDotEnvFile: false);
        return ApiConfig.Create(options, environment);
    }

    /// <summary>Builds a signed configuration over the given servers, in that order.</summary>
    internal static ApiConfig Config(params TestServerHost[] servers) =>
        Config(servers.Select(s => s.BaseAddress));

    /// <summary>Creates an unopened client that logs to <paramref name="logs"/> (when given).</summary>
    internal static BackendAIClient Client(
        ApiConfig config, CapturingLoggerProvider? logs = null, TimeProvider? time = null) =>
        new(config, new BackendAIClientOptions { LoggerFactory = logs?.Factory, TimeProvider = time });

    /// <summary>Sends a body-less request and returns the response.</summary>
    internal static Task<ApiResponse> SendAsync(
        this BackendAIClient client,
        HttpMethod method,
        string path,
        CancellationToken cancellationToken = default) =>
        client.SendAsync(new ApiRequest(method, path), cancellationToken);

    /// <summary>Sends a JSON POST and returns the response.</summary>
    internal static Task<ApiResponse> PostJsonAsync(
        this BackendAIClient client, string path, CancellationToken cancellationToken = default) =>
        client.SendAsync(
            new ApiRequest(HttpMethod.Post, path).WithJson(new { name = "s1", image = "python:3.12" }),
            cancellationToken);

    /// <summary>Starts <paramref name="count"/> local managers.</summary>
    internal static async Task<ServerSet> StartServersAsync(int count)
    {
        var servers = new ServerSet();
        for (var i = 0; i < count; i++)
        {
            servers.Add(await TestServerHost.StartAsync());
        }

        return servers;
    }

    /// <summary>Counts the requests a server recorded with the given method.</summary>
    internal static int Count(this TestServerHost server, string method) =>
        server.Recorder.Requests.Count(r => r.Method == method);

    /// <summary>Waits until a server has recorded <paramref name="count"/> requests (with a safety bound).</summary>
    internal static async Task WaitForRequestsAsync(this TestServerHost server, int count)
    {
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (server.Recorder.Count < count)
        {
            await Task.Delay(10, safety.Token);
        }
    }
}
