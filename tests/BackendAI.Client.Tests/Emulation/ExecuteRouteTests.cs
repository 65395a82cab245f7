using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BackendAI.Client.Tests.Emulation;

public sealed class ExecuteRouteTests
{
    private static async Task<EmulationServer> StartWithSessionAsync()
    {
        var server = await EmulationServer.StartAsync();
        using var created = await server.SendJsonAsync(HttpMethod.Post, "/session", new JsonObject
        {
            ["image"] = "python:3.9",
            ["name"] = "runner",
        });
        return server;
    }

    private static async Task<JsonObject> ExecuteAsync(
        EmulationServer server, string mode, string runId, string code)
    {
        using var response = await server.SendJsonAsync(HttpMethod.Post, "/session/runner", new JsonObject
        {
            ["mode"] = mode,
            ["runId"] = runId,
            ["code"] = code,
            ["options"] = new JsonObject(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["result"]!.AsObject();
    }

    [Fact]
    public async Task Printed_lines_come_back_as_stdout_console_entries_with_exit_code_zero()
    {
        await using var server = await StartWithSessionAsync();

        var result = await ExecuteAsync(server, "query", "r1", "print('hello')\nx = 1\nprint(\"world\")");

        Assert.Equal("finished", result["status"]!.GetValue<string>());
        Assert.Equal(0, result["exitCode"]!.GetValue<int>());
        Assert.Equal("r1", result["runId"]!.GetValue<string>());
        var console = result["console"]!.AsArray();
        Assert.Equal(2, console.Count);
        Assert.Equal("stdout", console[0]![0]!.GetValue<string>());
        Assert.Equal("hello\n", console[0]![1]!.GetValue<string>());
        Assert.Equal("world\n", console[1]![1]!.GetValue<string>());
    }

    [Fact]
    public async Task Exit_with_a_number_sets_the_exit_code_and_stops_the_code()
    {
        await using var server = await StartWithSessionAsync();

        const string Code = "print('a', file=sys.stderr)\nexit 3\nprint('never')";

        var result = await ExecuteAsync(server, "query", "r1", Code);

        Assert.Equal(3, result["exitCode"]!.GetValue<int>());
        var only = Assert.Single(result["console"]!.AsArray());
        Assert.Equal("stderr", only![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_raise_prints_a_traceback_and_exits_with_one()
    {
        await using var server = await StartWithSessionAsync();

        var result = await ExecuteAsync(server, "query", "r1", "raise ValueError('bad')");

        Assert.Equal(1, result["exitCode"]!.GetValue<int>());
        var traceback = result["console"]![0]![1]!.GetValue<string>();
        Assert.Contains("ValueError('bad')", traceback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_code_answers_continued_first_and_the_rest_only_when_polled_with_continue()
    {
        await using var server = await StartWithSessionAsync();

        const string Code = "print(1)\ntime.sleep(5)\nprint(2)\nsleep 1\nprint(3)";

        var first = await ExecuteAsync(server, "query", "r1", Code);
        var second = await ExecuteAsync(server, "continue", "r1", "");
        var third = await ExecuteAsync(server, "continue", "r1", "");

        Assert.Equal("continued", first["status"]!.GetValue<string>());
        Assert.Null(first["exitCode"]);
        Assert.Equal("1\n", first["console"]![0]![1]!.GetValue<string>());
        Assert.Equal("continued", second["status"]!.GetValue<string>());
        Assert.Equal("2\n", second["console"]![0]![1]!.GetValue<string>());
        Assert.Equal("finished", third["status"]!.GetValue<string>());
        Assert.Equal("3\n", third["console"]![0]![1]!.GetValue<string>());
        Assert.Equal(0, third["exitCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Continue_without_an_unfinished_run_is_a_400_problem()
    {
        await using var server = await StartWithSessionAsync();

        using var response = await server.SendJsonAsync(HttpMethod.Post, "/session/runner", new JsonObject
        {
            ["mode"] = "continue",
            ["runId"] = "never-started",
            ["code"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_mode_is_a_400_problem_naming_the_mode()
    {
        await using var server = await StartWithSessionAsync();

        using var response = await server.SendJsonAsync(HttpMethod.Post, "/session/runner", new JsonObject
        {
            ["mode"] = "teleport",
            ["code"] = "print(1)",
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'teleport'", problem!["msg"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Printed_output_appears_in_the_session_logs()
    {
        await using var server = await StartWithSessionAsync();
        await ExecuteAsync(server, "query", "r1", "print('logged line')");

        using var logs = await server.SendJsonAsync(HttpMethod.Get, "/session/runner/logs");
        var text = (await logs.Content.ReadFromJsonAsync<JsonObject>())!["result"]!["logs"]!.GetValue<string>();

        Assert.Contains("logged line\n", text, StringComparison.Ordinal);
    }
}
