using System.Text;
using System.Text.Json;

namespace BackendAI.Cli.Tests.Commands;

public sealed class RunCommandTests
{
    private const string Image = "python:3.9-ubuntu20.04";

    private const string Code = "print('hello')\nprint('careful', file=sys.stderr)\nsleep 1\nprint('more')\nexit 3";

    [Fact]
    public async Task Run_prints_the_output_as_it_arrives_exits_with_the_codes_exit_code_and_destroys_the_session()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync("run", Image, "-c", Code);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("hello\nmore\n", run.Output);
        Assert.Contains("careful\n", run.Error, StringComparison.Ordinal);
        Assert.Contains("destroyed", run.Error, StringComparison.Ordinal);
        Assert.Empty(cli.State.Sessions);
        Assert.Equal(1, cli.State.Log.Count("DELETE /session/{name}"));
        Assert.Equal(2, cli.State.Log.Received.Count(r => r.Method == "POST" && r.Path.StartsWith(
            "/session/run-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_with_keep_leaves_the_session_and_says_how_to_remove_it()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync("run", Image, "--name", "kept", "--keep", "-c", "print('x')");

        Assert.Equal(0, run.ExitCode);
        Assert.NotNull(cli.State.FindSession("kept"));
        Assert.Contains("backend.ai session rm kept", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, cli.State.Log.Count("DELETE /session/{name}"));
    }

    [Fact]
    public async Task Run_in_a_session_that_existed_before_keeps_it()
    {
        await using var cli = await EmulatedCli.StartAsync();
        await cli.RunAsync("session", "create", Image, "--name", "shared");

        var run = await cli.RunAsync("run", Image, "--name", "shared", "-c", "print('x')");

        Assert.Equal(0, run.ExitCode);
        Assert.NotNull(cli.State.FindSession("shared"));
        Assert.Contains("existed before this run", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_reads_the_code_from_a_file()
    {
        await using var cli = await EmulatedCli.StartAsync();
        var file = cli.LocalPath("job.py");
        await File.WriteAllTextAsync(file, "print('from the file')\nexit(0)\n");

        var run = await cli.RunAsync("run", Image, "--file", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("from the file\n", run.Output);
    }

    [Fact]
    public async Task Run_with_a_missing_code_file_names_it_and_creates_no_session()
    {
        await using var cli = await EmulatedCli.StartAsync();
        var file = cli.LocalPath("absent.py");

        var run = await cli.RunAsync("run", Image, "--file", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(file, run.Error, StringComparison.Ordinal);
        Assert.Empty(cli.State.Log.Received);
    }

    [Fact]
    public async Task Run_without_code_or_with_both_code_and_file_is_a_usage_error()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var none = await cli.RunAsync("run", Image);
        var both = await cli.RunAsync("run", Image, "-c", "print(1)", "--file", cli.LocalPath("x.py"));

        Assert.Equal(1, none.ExitCode);
        Assert.Contains("--code", none.Error, StringComparison.Ordinal);
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("not both", both.Error, StringComparison.Ordinal);
        Assert.Empty(cli.State.Log.Received);
    }

    [Fact]
    public async Task Run_with_a_bad_resource_pair_quotes_it_and_sends_nothing()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync("run", Image, "-c", "print(1)", "--resources", "gpu");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'gpu'", run.Error, StringComparison.Ordinal);
        Assert.Empty(cli.State.Log.Received);
    }

    [Fact]
    public async Task Run_as_json_prints_one_document_with_the_output_and_the_exit_code()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync("run", Image, "-c", Code, "--output", "json");

        Assert.Equal(3, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.Equal(3, root.GetProperty("exitCode").GetInt32());
        Assert.True(root.GetProperty("destroyed").GetBoolean());
        var console = root.GetProperty("console").EnumerateArray()
            .Select(i => i.GetProperty("stream").GetString() + ":" + i.GetProperty("text").GetString());
        Assert.Equal(["stdout:hello\n", "stderr:careful\n", "stdout:more\n"], console);
        Assert.Empty(cli.State.Sessions);
    }

    [Fact]
    public async Task Run_cancelled_while_the_code_runs_destroys_the_session_and_says_so()
    {
        await using var cli = await EmulatedCli.StartAsync();
        using var cancellation = new CancellationTokenSource();
        using var output = new CallbackWriter(_ => cancellation.Cancel());

        var run = await cli.RunAsync(new CliRunSettings(Output: output, CancellationToken: cancellation.Token),
            "run", Image, "-c", "print('first')\nsleep 1\nprint('second')");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("first\n", run.Output);
        Assert.Contains("Cancelled", run.Error, StringComparison.Ordinal);
        Assert.Contains("destroyed after the cancellation", run.Error, StringComparison.Ordinal);
        Assert.Empty(cli.State.Sessions);
    }

    [Fact]
    public async Task Run_that_fails_after_creating_the_session_destroys_it_and_reports_the_failure()
    {
        await using var cli = await EmulatedCli.StartAsync();
        using var output = new CallbackWriter(_ => throw new IOException("standard output is closed"));

        var run = await cli.RunAsync(new CliRunSettings(Output: output), "run", Image, "-c", "print('x')");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("destroyed after the failure", run.Error, StringComparison.Ordinal);
        Assert.Contains("standard output is closed", run.Error, StringComparison.Ordinal);
        Assert.Empty(cli.State.Sessions);
    }

    [Fact]
    public async Task Run_with_a_mount_of_an_unknown_folder_fails_before_any_session_exists()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync("run", Image, "-c", "print(1)", "--mount", "nowhere");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nowhere", run.Error, StringComparison.Ordinal);
        Assert.Empty(cli.State.Sessions);
        Assert.Equal(0, cli.State.Log.Count("DELETE /session/{name}"));
    }

    /// <summary>A writer that calls back on every write of text, then keeps the text.</summary>
    private sealed class CallbackWriter(Action<string> onWrite) : StringWriter
    {
        public override void Write(string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                onWrite(value);
            }

            base.Write(value);
        }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
