using BackendAI.Client.Configuration;
using BackendAI.Client.Tests.Support;

namespace BackendAI.Client.Tests.Configuration;

/// <summary>Where the .env file is searched and how it ranks against the process environment.</summary>
[Collection(ProcessStateGroup.Name)]
public sealed class DotEnvDiscoveryTests
{
    [Fact]
    public void A_dotenv_in_the_parent_of_the_working_directory_is_found()
    {
        using var tree = new TemporaryDirectoryTree();
        var path = tree.WriteDotEnv("parent", "BACKEND_DOMAIN=from-parent\n");

        var config = ConfigFixture.Build(tree, new Dictionary<string, string>());

        Assert.Equal("from-parent", config.Domain);
        Assert.Equal(path, config.Environment.DotEnvPath);
    }

    [Fact]
    public void The_nearest_dotenv_wins_over_one_further_up()
    {
        using var tree = new TemporaryDirectoryTree();
        tree.WriteDotEnv("grandparent", "BACKEND_DOMAIN=far\nBACKEND_GROUP=far\n");
        tree.WriteDotEnv("cwd", "BACKEND_DOMAIN=near\n");

        var config = ConfigFixture.Build(tree, new Dictionary<string, string>());

        Assert.Equal("near", config.Domain);
        Assert.Equal("default", config.Group);
    }

    [Fact]
    public void A_dotenv_next_to_the_executable_only_is_not_read()
    {
        using var tree = new TemporaryDirectoryTree();
        var besideExecutable = Path.Combine(AppContext.BaseDirectory, ".env");
        Assert.False(File.Exists(besideExecutable), "the test output folder must not hold a .env of its own");
        File.WriteAllText(besideExecutable, "BACKEND_DOMAIN=beside-the-executable\n");
        try
        {
            var config = ConfigFixture.Build(tree, new Dictionary<string, string>());

            Assert.Equal("default", config.Domain);
            Assert.Null(config.Environment.DotEnvPath);
        }
        finally
        {
            File.Delete(besideExecutable);
        }
    }

    [Fact]
    public void A_variable_of_the_process_beats_the_same_variable_in_the_dotenv()
    {
        using var tree = new TemporaryDirectoryTree();
        tree.WriteDotEnv("cwd", "BACKEND_ENDPOINT=http://127.0.0.1:18081\nBACKEND_GROUP=from-file\n");

        var config = ConfigFixture.Build(
            tree, ConfigFixture.Variable("BACKEND_ENDPOINT", "http://127.0.0.1:19999"));

        Assert.Equal(new Uri("http://127.0.0.1:19999"), config.Endpoint);
        Assert.Equal("from-file", config.Group);
    }

    [Fact]
    public void Reading_the_dotenv_can_be_switched_off()
    {
        using var tree = new TemporaryDirectoryTree();
        tree.WriteDotEnv("cwd", "BACKEND_DOMAIN=from-file\n");

        var environment = ConfigurationEnvironment.FromVariables(
            new Dictionary<string, string>(), tree.WorkingDirectory, readDotEnvFile: false);

        Assert.Equal("default", environment.GetEnv("domain", "default"));
    }

    [Theory]
    [InlineData("this is not valid\n", 1)]
    [InlineData("BACKEND_DOMAIN=ok\nBACKEND_GROUP=\"unterminated\n", 2)]
    [InlineData("# comment\n\nBACKEND_GROUP='a' trailing\n", 3)]
    [InlineData("=value\n", 1)]
    public void A_line_the_parser_cannot_read_is_an_error_naming_the_file_and_line(string text, int line)
    {
        using var tree = new TemporaryDirectoryTree();
        var path = tree.WriteDotEnv("cwd", text);

        var error = Assert.Throws<ConfigurationException>(
            () => ConfigurationEnvironment.FromVariables(new Dictionary<string, string>(), tree.WorkingDirectory));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains($"line {line}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BACKEND_DOMAIN= #only a comment\n", "default")]
    [InlineData("BACKEND_DOMAIN=a#b\n", "a#b")]
    [InlineData("BACKEND_DOMAIN=\"a # b\" # c\n", "a # b")]
    [InlineData("\uFEFFBACKEND_DOMAIN=bom\n", "bom")]
    [InlineData("export\tBACKEND_DOMAIN=tab\r\n", "tab")]
    [InlineData("BACKEND_DOMAIN=${HOME}\n", "${HOME}")]
    public void Dotenv_values_follow_the_documented_subset(string text, string domain)
    {
        using var tree = new TemporaryDirectoryTree();
        tree.WriteDotEnv("cwd", text);

        var config = ConfigFixture.Build(tree, new Dictionary<string, string>());

        Assert.Equal(domain, config.Domain);
    }

    [Fact]
    public void A_bad_value_from_the_dotenv_names_the_file_line_and_variable()
    {
        using var tree = new TemporaryDirectoryTree();
        var path = tree.WriteDotEnv("parent", "BACKEND_DOMAIN=d\nBACKEND_READ_TIMEOUT=soon\n");

        var error = Assert.Throws<ConfigurationException>(
            () => ConfigFixture.Build(tree, new Dictionary<string, string>()));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("BACKEND_READ_TIMEOUT", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"soon\"", error.Message, StringComparison.Ordinal);
    }
}
