using System.Text.Json;
using BackendAI.Cli.Tests.Commands;
using BackendAI.TestServer;

namespace BackendAI.Cli.Tests.Robustness;

/// <summary>
/// Bad arguments must end in a clear message and exit code 1, never a stack trace; with --output json,
/// standard output holds JSON or nothing (docs/cli.md).
/// </summary>
public sealed class ArgumentRobustnessTests
{
    [Theory]
    [InlineData("--cluster-size", "99999999999")]
    [InlineData("--cluster-size", "two")]
    [InlineData("--max-wait", "1e3")]
    [InlineData("--max-wait", "99999999999")]
    public async Task A_session_number_that_is_not_an_int_is_a_usage_error_without_a_stack_trace(
        string option, string value)
    {
        using var sandbox = new CliSandbox(Signed(TestServerHost.GetRefusedAddress()));

        var run = await sandbox.RunAsync("session", "create", "python:3.12", option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_usage_error_with_output_json_leaves_standard_output_free_of_help_text()
    {
        using var sandbox = new CliSandbox(Signed(TestServerHost.GetRefusedAddress()));

        var run = await sandbox.RunAsync("--output", "json", "session", "create", "python:3.12", "--cluster-size", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.True(
            run.Output.Trim().Length == 0 || IsJson(run.Output),
            "Standard output with --output json is neither empty nor JSON:\n" + run.Output);
    }

    [Fact]
    public async Task An_api_header_with_a_line_break_is_refused_before_anything_is_sent()
    {
        await using var server = await TestServerHost.StartAsync();
        using var sandbox = new CliSandbox(Signed(server.BaseAddress));

        var run = await sandbox.RunAsync("api", "GET", "/echo", "-H", "X-Note: a\r\nX-Injected: yes");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain(server.Recorder.Requests, r => r.Header("X-Injected") is not null);
    }

    [Fact]
    public async Task Run_with_an_exit_code_that_is_a_multiple_of_256_does_not_report_success()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync("run", "python:3.12", "-c", "sys.exit(256)");

        // A POSIX exit status keeps only the low 8 bits: 256 would read as success to the shell.
        Assert.NotEqual(0, run.ExitCode % 256);
    }

    private static Dictionary<string, string> Signed(Uri endpoint) => new()
    {
        ["BACKEND_ENDPOINT"] = endpoint.AbsoluteUri,
        ["BACKEND_ACCESS_KEY"] = TestKeypairs.DefaultAccessKey,
        ["BACKEND_SECRET_KEY"] = TestKeypairs.DefaultSecretKey,
    };

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
