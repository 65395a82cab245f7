using System.Globalization;
using System.Net;
using BackendAI.Client.Authentication;
using BackendAI.Client.Configuration;
using BackendAI.Client.Transport;
using BackendAI.TestServer;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace BackendAI.Client.Benchmarks;

/// <summary>
/// Signed <c>GET /folders</c> requests against a local verify-only manager (which checks every signature):
/// the client's <see cref="BackendAIClient.SendAsync"/> against a bare <see cref="HttpClient"/> that builds the
/// same headers, signs with the same <see cref="RequestSigner"/> and reads the same answer, so the server does
/// equal work for both. Each invocation sends <see cref="RequestsPerInvoke"/> requests from
/// <see cref="Concurrency"/> workers; the reported time is per request.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class ThroughputBenchmarks : IDisposable
{
    /// <summary>The number of requests one invocation sends.</summary>
    public const int RequestsPerInvoke = 4000;

    private const string Path = "/folders";
    private TestServerHost _server = null!;
    private BackendAIClient _client = null!;
    private HttpClient _bare = null!;
    private RequestSigner _signer = null!;
    private Uri _url = null!;
    private string _userAgent = "";
    private string _domain = "";

    [Params(1, 32)]
    public int Concurrency { get; set; } = 1;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Dispose()
    {
        _client?.Dispose();
        _bare?.Dispose();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RequestsPerInvoke)]
    public Task BareHttpClient() => RunAsync(SendBareAsync);

    [Benchmark(OperationsPerInvoke = RequestsPerInvoke)]
    public Task ClientSendAsync() => RunAsync(SendClientAsync);

    private async Task SetupAsync()
    {
        _server = await TestServerHost.StartAsync();
        var config = new ApiConfigOptions
        {
            Endpoint = _server.BaseAddress.ToString(),
            AccessKey = TestKeypairs.DefaultAccessKey,
            SecretKey = TestKeypairs.DefaultSecretKey,
        }.Build();
        _client = await BackendAIClient.OpenAsync(config, new BackendAIClientOptions
        {
            FetchAnnouncement = false,
        });
        _signer = new RequestSigner(config.AccessKey, config.SecretKey, config.HashType);
        _userAgent = config.UserAgent;
        _domain = config.Domain;
        _url = new Uri(_server.BaseAddress, Path);

        // The same handler settings the client uses, minus its connect callback (which only adds bookkeeping).
        _bare = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        });

        // Both sides must get a real 200 before anything is measured.
        await SendClientAsync();
        await SendBareAsync();
    }

    private async Task RunAsync(Func<Task> send)
    {
        // The server records every request; forgetting them keeps its heap from growing across iterations.
        _server.Recorder.Clear();
        var next = 0;
        var workers = new Task[Concurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) <= RequestsPerInvoke)
                {
                    await send();
                }
            });
        }

        await Task.WhenAll(workers);
    }

    private async Task SendClientAsync()
    {
        using var response = await _client.SendAsync(new ApiRequest(HttpMethod.Get, Path));
        if (response.Body.Length == 0)
        {
            throw new InvalidOperationException("The server answered with an empty body.");
        }
    }

    private async Task SendBareAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _url)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        request.Headers.TryAddWithoutValidation("X-BackendAI-Version", _client.ApiVersion);
        request.Headers.TryAddWithoutValidation("X-BackendAI-Domain", _domain);
        request.Headers.TryAddWithoutValidation("X-BackendAI-Date", DateTimeOffset.UtcNow.UtcDateTime.ToString(
            "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture));
        _signer.Sign(request);

        using var response = await _bare.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        if (body.Length == 0)
        {
            throw new InvalidOperationException("The server answered with an empty body.");
        }
    }
}
