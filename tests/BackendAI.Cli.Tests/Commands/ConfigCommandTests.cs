using System.Text.Json;

namespace BackendAI.Cli.Tests.Commands;

public sealed class ConfigCommandTests
{
    private const string SecretKey = "test-secret-key-0123456789abcdefghijklmn";

    private static readonly Dictionary<string, string> NoVariables = [];

    private static readonly Dictionary<string, string> Configured = new()
    {
        ["BACKEND_ENDPOINT"] = "http://127.0.0.1:18081",
        ["BACKEND_ACCESS_KEY"] = "AKTESTKEY00000000000",
        ["BACKEND_SECRET_KEY"] = SecretKey,
        ["BACKEND_DOMAIN"] = "research",
        ["BACKEND_ENDPOINT_SHUFFLE"] = "no",
    };

    [Fact]
    public async Task Config_prints_the_configuration_in_effect_as_text()
    {
        var run = await CliRun.StartAsync(Configured, dotEnv: null, "config");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("http://127.0.0.1:18081/ (api mode)", run.Output, StringComparison.Ordinal);
        Assert.Contains("v8.20240315", run.Output, StringComparison.Ordinal);
        Assert.Contains("research", run.Output, StringComparison.Ordinal);
        Assert.Contains("AKTESTKEY00000000000", run.Output, StringComparison.Ordinal);
        Assert.Contains("****klmn", run.Output, StringComparison.Ordinal);
        Assert.Contains("sha256", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("test-secret", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Config_as_json_has_every_listed_key_with_the_secret_masked()
    {
        var run = await CliRun.StartAsync(Configured, dotEnv: null, "config", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;

        Assert.Equal("http://127.0.0.1:18081/", root.GetProperty("endpoint").GetString());
        var endpoints = root.GetProperty("endpoints").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(["http://127.0.0.1:18081/"], endpoints);
        Assert.Equal("api", root.GetProperty("endpoint_type").GetString());
        Assert.Equal("research", root.GetProperty("domain").GetString());
        Assert.Equal("default", root.GetProperty("group").GetString());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("storage_proxy_address_map").ValueKind);
        Assert.Equal("v8.20240315", root.GetProperty("version").GetString());
        var userAgent = root.GetProperty("user_agent").GetString();
        Assert.StartsWith("Backend.AI Client for .NET", userAgent, StringComparison.Ordinal);
        Assert.Equal("AKTESTKEY00000000000", root.GetProperty("access_key").GetString());
        Assert.Equal("****klmn", root.GetProperty("secret_key").GetString());
        Assert.Equal("sha256", root.GetProperty("hash_type").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("vfolder_mounts").ValueKind);
        Assert.False(root.GetProperty("skip_sslcert_validation").GetBoolean());
        Assert.Equal(10.0, root.GetProperty("connection_timeout").GetDouble());
        Assert.Equal(0.0, root.GetProperty("read_timeout").GetDouble());
        Assert.False(root.GetProperty("is_anonymous").GetBoolean());

        Assert.DoesNotContain("test-secret", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_key_shorter_than_twelve_characters_shows_none_of_its_characters()
    {
        var variables = new Dictionary<string, string>(Configured) { ["BACKEND_SECRET_KEY"] = "short-key1" };

        var run = await CliRun.StartAsync(variables, dotEnv: null, "config", "-o", "json");

        Assert.Equal("****", JsonDocument.Parse(run.Output).RootElement.GetProperty("secret_key").GetString());
        Assert.DoesNotContain("key1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_endpoint_config_still_prints_and_says_how_to_set_one()
    {
        var run = await CliRun.StartAsync(NoVariables, dotEnv: null, "config");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(not set)", run.Output, StringComparison.Ordinal);
        Assert.Contains("export BACKEND_ENDPOINT=", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_endpoint_the_json_has_a_null_endpoint_and_the_hint_goes_to_standard_error()
    {
        var run = await CliRun.StartAsync(NoVariables, dotEnv: null, "config", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("endpoint").ValueKind);
        Assert.True(root.GetProperty("is_anonymous").GetBoolean());
        Assert.Contains("BACKEND_ENDPOINT", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_from_a_dotenv_file_are_shown()
    {
        const string DotEnv = "BACKEND_ENDPOINT=http://127.0.0.1:18082\nBACKEND_GROUP=g1\n";

        var run = await CliRun.StartAsync(NoVariables, DotEnv, "config");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("http://127.0.0.1:18082/", run.Output, StringComparison.Ordinal);
        Assert.Contains("g1", run.Output, StringComparison.Ordinal);
        Assert.Contains(".env", run.Output, StringComparison.Ordinal);
    }
}
