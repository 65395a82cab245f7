using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackendAI.Cli.Tests.Commands;

public sealed class SessionCommandTests
{
    private const string Image = "python:3.9-ubuntu20.04";

    [Fact]
    public async Task Session_create_sends_the_callers_mounts_first_then_the_configured_ones_without_duplicates()
    {
        await using var cli = await EmulatedCli.StartAsync();
        foreach (var folder in new[] { "data1", "data2", "scratch" })
        {
            cli.State.CreateFolder(folder);
        }

        cli.Variables["BACKEND_VFOLDER_MOUNTS"] = "data1,data2";

        var run = await cli.RunAsync(
            "session", "create", Image, "--name", "s1", "--mount", "data2", "--mount", "scratch");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["data2", "scratch", "data1"], cli.State.FindSession("s1")!.Mounts);
        Assert.Contains("Session s1 created", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_create_without_group_or_domain_sends_the_configured_ones()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync("session", "create", Image, "--name", "s1");

        Assert.Equal(0, run.ExitCode);
        var session = cli.State.FindSession("s1")!;
        Assert.Equal(EmulatedCli.ConfiguredDomain, session.Domain);
        Assert.Equal(EmulatedCli.ConfiguredGroup, session.Group);
    }

    [Fact]
    public async Task Session_create_sends_the_group_and_domain_given_on_the_command_line()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync(
            "session", "create", Image, "--name", "s1", "--group", "vision", "--domain", "campus");

        Assert.Equal(0, run.ExitCode);
        var session = cli.State.FindSession("s1")!;
        Assert.Equal("campus", session.Domain);
        Assert.Equal("vision", session.Group);
    }

    [Fact]
    public async Task Session_create_sends_every_shaping_option()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync("session", "create", Image, "--name", "s1", "--env", "MODE=test",
            "-e", "EMPTY=", "--resources", "cpu=2", "-r", "mem=4g", "--type", "batch", "--scaling-group", "gpu",
            "--cluster-size", "2", "--enqueue-only", "--max-wait", "30");

        Assert.Equal(0, run.ExitCode);
        var body = JsonNode.Parse(cli.State.FindSession("s1")!.CreationBody)!;

        Assert.Equal("test", (string?)body["config"]!["environ"]!["MODE"]);
        Assert.Equal("", (string?)body["config"]!["environ"]!["EMPTY"]);
        Assert.Equal("2", (string?)body["config"]!["resources"]!["cpu"]);
        Assert.Equal("4g", (string?)body["config"]!["resources"]!["mem"]);
        Assert.Equal("gpu", (string?)body["config"]!["scalingGroup"]);
        Assert.Equal("batch", (string?)body["type"]);
        Assert.Equal(2, (int?)body["clusterSize"]);
        Assert.True((bool?)body["enqueueOnly"]);
        Assert.Equal(30, (int?)body["maxWaitSeconds"]);
    }

    [Fact]
    public async Task Session_create_without_a_name_generates_one_and_prints_it()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync("session", "create", Image, "-o", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var name = document.RootElement.GetProperty("name").GetString()!;
        Assert.StartsWith("session-", name, StringComparison.Ordinal);
        Assert.True(document.RootElement.GetProperty("created").GetBoolean());
        var sessionId = document.RootElement.GetProperty("sessionId").GetString();
        Assert.Equal(cli.State.FindSession(name)!.Id.ToString(), sessionId);
    }

    [Theory]
    [InlineData("--env", "MODE")]
    [InlineData("--env", "=value")]
    [InlineData("--resources", "cpu:2")]
    public async Task A_pair_without_a_key_and_an_equals_sign_is_refused_quoting_it(string option, string value)
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync("session", "create", Image, option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"'{value}'", run.Error, StringComparison.Ordinal);
        Assert.Contains("KEY=VALUE", run.Error, StringComparison.Ordinal);
        Assert.Empty(cli.State.Sessions);
    }

    [Fact]
    public async Task A_key_given_twice_is_refused_naming_both_values()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync("session", "create", Image, "-e", "A=1", "-e", "A=2");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'A=1'", run.Error, StringComparison.Ordinal);
        Assert.Contains("'A=2'", run.Error, StringComparison.Ordinal);
        Assert.Empty(cli.State.Sessions);
    }

    [Fact]
    public async Task A_cluster_size_below_one_is_refused_quoting_it()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync("session", "create", Image, "--cluster-size", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--cluster-size", run.Error, StringComparison.Ordinal);
        Assert.Contains("'0'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_info_lists_the_managers_fields_as_text_and_as_json()
    {
        await using var cli = await EmulatedCli.StartAsync();
        await cli.RunAsync("session", "create", Image, "--name", "s1");

        var text = await cli.RunAsync("session", "info", "s1");
        var json = await cli.RunAsync("session", "info", "s1", "--output", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("sessionName:", text.Output, StringComparison.Ordinal);
        Assert.Contains(Image, text.Output, StringComparison.Ordinal);
        Assert.Contains("groupName:", text.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal("s1", document.RootElement.GetProperty("sessionName").GetString());
        Assert.Equal(EmulatedCli.ConfiguredGroup, document.RootElement.GetProperty("groupName").GetString());
    }

    [Fact]
    public async Task Session_info_of_an_unknown_session_exits_with_1_and_the_managers_problem()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync("session", "info", "ghost");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("404", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_rm_destroys_the_session()
    {
        await using var cli = await EmulatedCli.StartAsync();
        await cli.RunAsync("session", "create", Image, "--name", "s1");

        var run = await cli.RunAsync("session", "rm", "s1", "--forced");

        Assert.Equal(0, run.ExitCode);
        Assert.Null(cli.State.FindSession("s1"));
        var destroy = cli.State.Log.Last("DELETE", "/session/s1")!;
        Assert.Contains("forced=true", destroy.Query, StringComparison.Ordinal);
        Assert.Equal("Session s1 destroyed.", run.Output.Trim());
    }

    [Fact]
    public async Task Session_restart_restarts_the_session()
    {
        await using var cli = await EmulatedCli.StartAsync();
        await cli.RunAsync("session", "create", Image, "--name", "s1");

        var run = await cli.RunAsync("session", "restart", "s1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, cli.State.FindSession("s1")!.RestartCount);
    }

    [Fact]
    public async Task Session_logs_prints_the_container_log()
    {
        await using var cli = await EmulatedCli.StartAsync();
        await cli.RunAsync("session", "create", Image, "--name", "s1");
        await cli.RunAsync("session", "run", "s1", "-c", "print('logged line')");

        var run = await cli.RunAsync("session", "logs", "s1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Session s1 started with image", run.Output, StringComparison.Ordinal);
        Assert.Contains("logged line", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_run_prints_the_output_exits_with_the_codes_exit_code_and_keeps_the_session()
    {
        await using var cli = await EmulatedCli.StartAsync();
        await cli.RunAsync("session", "create", Image, "--name", "s1");

        var run = await cli.RunAsync("session", "run", "s1", "-c", "print('a')\nsleep 1\nprint('b')\nexit 4");

        Assert.Equal(4, run.ExitCode);
        Assert.Equal("a\nb\n", run.Output);
        Assert.NotNull(cli.State.FindSession("s1"));
    }
}
