using System.Text;
using BackendAI.Client.Configuration;
using Microsoft.Extensions.Configuration;

namespace BackendAI.Client.Tests.Configuration;

/// <summary>
/// Options read from an IConfiguration section (appsettings.json) build the same validated config.
/// </summary>
public sealed class ConfigurationBindingTests
{
    private const string Settings = """
        {
          "BackendAI": {
            "Endpoints": [ "http://127.0.0.1:18081", "http://127.0.0.1:18082" ],
            "EndpointType": "api",
            "Domain": "research",
            "Group": "team-a",
            "StorageProxyAddressMap": {
              "local:volume1": "http://sp1:6021",
              "http://sp2:6021": "http://sp2.local"
            },
            "Version": "v7.20230615",
            "UserAgent": "my-app/1.0",
            "AccessKey": "AKTESTKEY00000000000",
            "SecretKey": "test-secret-key-0123456789abcdefghijklmn",
            "HashType": "SHA512",
            "VfolderMounts": [ "data1", "data2" ],
            "SkipSslCertValidation": "yes",
            "ConnectionTimeout": "2.5",
            "ReadTimeout": "00:01:00",
            "LoadBalancing": "round_robin",
            "ShuffleEndpoints": false
          }
        }
        """;

    [Fact]
    public void Every_setting_binds_from_the_BackendAI_section()
    {
        var options = Load(Settings).GetApiConfigOptions();

        var config = ApiConfig.Create(options, NoEnvironment());

        Assert.Equal(
            [new Uri("http://127.0.0.1:18081"), new Uri("http://127.0.0.1:18082")], config.Endpoints);
        Assert.Equal(EndpointType.Api, config.EndpointType);
        Assert.Equal("research", config.Domain);
        Assert.Equal("team-a", config.Group);
        Assert.Equal("http://sp1:6021", config.StorageProxyAddressMap["local:volume1"]);
        Assert.Equal("http://sp2.local", config.StorageProxyAddressMap["http://sp2:6021"]);
        Assert.Equal("v7.20230615", config.Version);
        Assert.Equal("my-app/1.0", config.UserAgent);
        Assert.Equal("AKTESTKEY00000000000", config.AccessKey);
        Assert.Equal("test-secret-key-0123456789abcdefghijklmn", config.SecretKey);
        Assert.Equal("sha512", config.HashType);
        Assert.Equal(["data1", "data2"], config.VfolderMounts);
        Assert.True(config.SkipSslCertValidation);
        Assert.Equal(TimeSpan.FromSeconds(2.5), config.ConnectionTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), config.ReadTimeout);
        Assert.Equal(LoadBalancingStrategy.RoundRobin, config.LoadBalancing);
        Assert.False(config.ShuffleEndpoints);
    }

    [Fact]
    public void Settings_missing_from_the_section_fall_back_to_the_environment()
    {
        var options = Load("""{ "BackendAI": { "Domain": "from-json" } }""").GetApiConfigOptions();
        var environment = ConfigurationEnvironment.FromVariables(
            new Dictionary<string, string> { ["BACKEND_DOMAIN"] = "env", ["BACKEND_GROUP"] = "env-group" },
            readDotEnvFile: false);

        var config = ApiConfig.Create(options, environment);

        Assert.Equal("from-json", config.Domain);
        Assert.Equal("env-group", config.Group);
    }

    [Fact]
    public void A_bad_value_is_an_error_naming_the_configuration_key_and_quoting_the_value()
    {
        var configuration = Load("""{ "BackendAI": { "SkipSslCertValidation": "sometimes" } }""");

        var error = Assert.Throws<ConfigurationException>(() => configuration.GetApiConfigOptions());

        Assert.Contains("BackendAI:SkipSslCertValidation", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"sometimes\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_endpoint_is_rejected_when_the_configuration_is_built()
    {
        var options = Load("""{ "BackendAI": { "Endpoint": "api.example.com" } }""").GetApiConfigOptions();

        var error = Assert.Throws<ConfigurationException>(() => ApiConfig.Create(options, NoEnvironment()));

        Assert.Contains("\"api.example.com\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_is_an_error_rather_than_ignored()
    {
        var configuration = Load("""{ "BackendAI": { "Endpiont": "http://127.0.0.1:18081" } }""");

        var error = Assert.Throws<ConfigurationException>(() => configuration.GetApiConfigOptions());

        Assert.Contains("BackendAI:Endpiont", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absent_section_gives_options_with_nothing_set()
    {
        var options = new ConfigurationBuilder().Build().GetApiConfigOptions();

        Assert.Null(options.Endpoint);
        Assert.Null(options.Endpoints);
        Assert.Null(options.StorageProxyAddressMap);
        Assert.Null(options.SkipSslCertValidation);
        Assert.Null(options.ConnectionTimeout);
    }

    private static IConfiguration Load(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private static ConfigurationEnvironment NoEnvironment() =>
        ConfigurationEnvironment.FromVariables(new Dictionary<string, string>(), readDotEnvFile: false);
}
