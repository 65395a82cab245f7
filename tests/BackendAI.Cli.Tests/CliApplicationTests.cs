namespace BackendAI.Cli.Tests;

public sealed class CliApplicationTests
{
    private static readonly Dictionary<string, string> NoVariables = [];

    [Fact]
    public async Task A_configuration_error_exits_with_2_and_a_message_on_standard_error_without_a_stack_trace()
    {
        var variables = new Dictionary<string, string> { ["BACKEND_CONNECTION_TIMEOUT"] = "abc" };

        var run = await CliRun.StartAsync(variables, dotEnv: null, "config");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("BACKEND_CONNECTION_TIMEOUT", run.Error, StringComparison.Ordinal);
        Assert.Contains("\"abc\"", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_dotenv_line_exits_with_2_naming_the_line()
    {
        var run = await CliRun.StartAsync(
            new Dictionary<string, string>(), "BACKEND_DOMAIN=ok\nnot a setting\n", "config");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 2", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_secret_key_exits_with_2_and_never_prints_a_secret()
    {
        var variables = new Dictionary<string, string> { ["BACKEND_ACCESS_KEY"] = "AKTESTKEY00000000000" };

        var run = await CliRun.StartAsync(variables, dotEnv: null, "config", "--output", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("BACKEND_SECRET_KEY", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_failure_exits_with_1_and_a_one_line_reason()
    {
        var run = await CliRun.StartAsync(() => throw new IOException("disk unavailable"), "config");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Error: disk unavailable", run.Error.Trim());
    }

    [Fact]
    public async Task An_unknown_output_format_is_a_usage_error_listing_the_formats()
    {
        var run = await CliRun.StartAsync(NoVariables, dotEnv: null, "config", "--output", "xml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("xml", run.Error, StringComparison.Ordinal);
        Assert.Contains("json", run.Error, StringComparison.Ordinal);
    }
}
