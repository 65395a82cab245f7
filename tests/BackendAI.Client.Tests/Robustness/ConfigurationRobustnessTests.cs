using BackendAI.Client.Configuration;
using BackendAI.Client.Tests.Support;
using BackendAI.TestServer;

namespace BackendAI.Client.Tests.Robustness;

/// <summary>
/// Configuration values that build today but cannot be used: they reach the wire as broken or injected headers.
/// DESIGN §3: bad values are rejected at construction with a ConfigurationException naming the source.
/// </summary>
public sealed class ConfigurationRobustnessTests
{
    [Theory]
    [InlineData("lab\r\nX-Injected: yes")]
    [InlineData("lab\nX-Injected: yes")]
    public void A_domain_with_a_line_break_is_rejected_when_the_configuration_is_built(string domain)
    {
        var error = Assert.Throws<ConfigurationException>(() => Build(new() { ["BACKEND_DOMAIN"] = domain }));

        Assert.Contains("BACKEND_DOMAIN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_ascii_domain_is_accepted_as_the_reference_accepts_it()
    {
        var config = Build(new() { ["BACKEND_DOMAIN"] = "dömain" });

        Assert.Equal("dömain", config.Domain);
    }

    [Fact]
    public void An_access_key_with_a_line_break_is_rejected_when_the_configuration_is_built()
    {
        var variables = new Dictionary<string, string>
        {
            ["BACKEND_ACCESS_KEY"] = "AKTESTKEY\r\nX-Injected: yes",
            ["BACKEND_SECRET_KEY"] = TestKeypairs.DefaultSecretKey,
        };

        var error = Assert.Throws<ConfigurationException>(() => Build(variables));

        Assert.Contains("BACKEND_ACCESS_KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeypairs.DefaultSecretKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dotenv_file_with_carriage_return_line_ends_does_not_fold_two_lines_into_one_value()
    {
        using var tree = new TemporaryDirectoryTree();
        tree.WriteDotEnv("cwd", "BACKEND_DOMAIN=lab\rBACKEND_GROUP=research\r");

        ApiConfig config;
        try
        {
            config = ApiConfig.Create(
                new ApiConfigOptions { ShuffleEndpoints = false },
                ConfigurationEnvironment.FromVariables(new Dictionary<string, string>(), tree.WorkingDirectory));
        }
        catch (ConfigurationException)
        {
            // Refusing the file, naming it, is an acceptable answer too.
            return;
        }

        Assert.DoesNotContain('\r', config.Domain);
        Assert.Equal("lab", config.Domain);
    }

    [Fact]
    public async Task A_version_with_a_major_number_too_large_for_the_client_is_rejected_or_negotiated_down()
    {
        await using var server = await TestServerHost.StartAsync();
        var variables = new Dictionary<string, string>
        {
            ["BACKEND_ENDPOINT"] = server.BaseAddress.AbsoluteUri,
            ["BACKEND_VERSION"] = "v99999999999.20240315",
        };

        ApiConfig config;
        try
        {
            config = Build(variables);
        }
        catch (ConfigurationException)
        {
            return;
        }

        using var client = await BackendAIClient.OpenAsync(config);

        // A newer version (v9.20990101) is negotiated down to the server's; so must this one be.
        Assert.Equal("v8.20240315", client.ApiVersion);
    }

    private static ApiConfig Build(Dictionary<string, string> variables)
    {
        using var tree = new TemporaryDirectoryTree();
        return ApiConfig.Create(
            new ApiConfigOptions { ShuffleEndpoints = false },
            ConfigurationEnvironment.FromVariables(variables, tree.WorkingDirectory, readDotEnvFile: false));
    }
}
