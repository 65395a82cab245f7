using BackendAI.Client.Configuration;
using BackendAI.Client.Transport;
using BackendAI.TestServer;

namespace BackendAI.Client.Tests.Robustness;

/// <summary>Requests the pipeline mishandles before or while they reach the wire (DESIGN §5).</summary>
public sealed class TransportRobustnessTests
{
    [Fact]
    public async Task A_non_ascii_header_value_is_sent_as_utf8_and_the_post_arrives_once()
    {
        await using var server = await TestServerHost.StartAsync();
        using var client = Client(server.BaseAddress);
        var request = new ApiRequest(HttpMethod.Post, "/folders")
            .WithJson(new { name = "data" })
            .AddHeader("X-Note", "café");

        using var response = await client.SendAsync(request);

        var received = Assert.Single(server.Recorder.Requests);
        Assert.Equal("café", received.Header("X-Note"));
        Assert.True(client.Config.Pool.Endpoints[0].IsAlive);
    }

    [Fact]
    public async Task A_header_value_with_a_line_break_never_reaches_the_server_as_a_header_of_its_own()
    {
        await using var server = await TestServerHost.StartAsync();
        using var client = Client(server.BaseAddress);

        try
        {
            var request = new ApiRequest(HttpMethod.Get, "/echo").AddHeader("X-Note", "a\r\nX-Injected: yes");
            using var response = await client.SendAsync(request);
        }
        catch (Exception ex) when (ex is ArgumentException or BackendAIException)
        {
            // Refusing the value is the right answer.
        }

        Assert.DoesNotContain(server.Recorder.Requests, r => r.Header("X-Injected") is not null);
    }

    [Fact]
    public async Task A_domain_with_a_line_break_never_reaches_the_server_as_a_header_of_its_own()
    {
        await using var server = await TestServerHost.StartAsync();

        try
        {
            using var client = Client(server.BaseAddress, domain: "default\r\nX-Injected: yes");
            using var response = await client.SendAsync(new ApiRequest(HttpMethod.Get, "/echo"));
        }
        catch (Exception ex) when (ex is ConfigurationException or BackendAIException)
        {
            // Refusing the configuration is the right answer.
        }

        Assert.DoesNotContain(server.Recorder.Requests, r => r.Header("X-Injected") is not null);
    }

    private static BackendAIClient Client(Uri endpoint, string? domain = null)
    {
        var options = new ApiConfigOptions
        {
            Endpoint = endpoint.AbsoluteUri,
            AccessKey = TestKeypairs.DefaultAccessKey,
            SecretKey = TestKeypairs.DefaultSecretKey,
            Domain = domain,
            ShuffleEndpoints = false,
        };
        var config = ApiConfig.Create(
            options, ConfigurationEnvironment.FromVariables(new Dictionary<string, string>(), readDotEnvFile: false));
        return new BackendAIClient(config, new BackendAIClientOptions { NegotiateVersion = false });
    }
}
