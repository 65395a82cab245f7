using System.Text.Json;
using BackendAI.TestServer;
using BackendAI.TestServer.Emulation;

namespace BackendAI.Cli.Tests.Commands;

public sealed class ApiCommandTests
{
    private static Dictionary<string, string> Signed(Uri endpoint) => new()
    {
        ["BACKEND_ENDPOINT"] = endpoint.AbsoluteUri,
        ["BACKEND_ACCESS_KEY"] = TestKeypairs.DefaultAccessKey,
        ["BACKEND_SECRET_KEY"] = TestKeypairs.DefaultSecretKey,
    };

    private static Dictionary<string, string> Anonymous(Uri endpoint) => new()
    {
        ["BACKEND_ENDPOINT"] = endpoint.AbsoluteUri,
    };

    [Fact]
    public async Task Api_GET_root_prints_the_server_versions_as_indented_json()
    {
        await using var server = await TestServerHost.StartAsync();
        using var sandbox = new CliSandbox(Anonymous(server.BaseAddress));

        var run = await sandbox.RunAsync("api", "GET", "/");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\n  \"version\": \"v8.20240315\"", run.Output, StringComparison.Ordinal);
        Assert.Equal("24.03.9", JsonDocument.Parse(run.Output).RootElement.GetProperty("manager").GetString());
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task With_output_json_the_body_is_printed_exactly_as_received()
    {
        await using var server = await TestServerHost.StartAsync();
        using var sandbox = new CliSandbox(Anonymous(server.BaseAddress));

        var run = await sandbox.RunAsync("api", "GET", "/", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"version\":\"v8.20240315\",\"manager\":\"24.03.9\"}" + Environment.NewLine, run.Output);
    }

    [Fact]
    public async Task A_signed_GET_reaches_the_server_with_the_signature_of_the_configured_keypair()
    {
        await using var server = await TestServerHost.StartAsync();
        using var sandbox = new CliSandbox(Signed(server.BaseAddress));

        var run = await sandbox.RunAsync("api", "get", "/folders?path=a b");

        Assert.Equal(0, run.ExitCode);
        var echo = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(TestKeypairs.DefaultAccessKey, echo.GetProperty("access_key").GetString());
        Assert.Equal("GET", echo.GetProperty("method").GetString());
        var request = server.Recorder.Last;
        Assert.StartsWith("BackendAI signMethod=HMAC-SHA256, credential=AKTESTKEY00000000000:",
            request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(200, request.Status);
    }

    [Fact]
    public async Task Data_and_headers_are_sent_with_the_request()
    {
        await using var server = await TestServerHost.StartAsync();
        using var sandbox = new CliSandbox(Signed(server.BaseAddress));

        var run = await sandbox.RunAsync(
            "api", "POST", "/echo", "--data", "{\"name\": \"테스트\"}",
            "-H", "X-Trace:  abc ", "-H", "Accept: */*");

        Assert.Equal(0, run.ExitCode);
        var echo = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("application/json", echo.GetProperty("content_type").GetString());
        var request = server.Recorder.Last;
        Assert.Equal("{\"name\": \"테스트\"}", System.Text.Encoding.UTF8.GetString(request.Body));
        Assert.Equal("abc", request.Header("X-Trace"));
        Assert.Equal("*/*", request.Header("Accept"));
    }

    [Fact]
    public async Task Data_from_a_file_is_read_from_the_working_directory_with_the_given_content_type()
    {
        await using var server = await TestServerHost.StartAsync();
        using var sandbox = new CliSandbox(Signed(server.BaseAddress));
        await File.WriteAllTextAsync(Path.Combine(sandbox.WorkingDirectory, "body.json"), "[1, 2, 3]\n");

        var run = await sandbox.RunAsync(
            "api", "PUT", "/echo", "--data", "@body.json", "-H", "Content-Type: application/json; charset=utf-8");

        Assert.Equal(0, run.ExitCode);
        var request = server.Recorder.Last;
        Assert.Equal("[1, 2, 3]\n", System.Text.Encoding.UTF8.GetString(request.Body));
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
    }

    [Theory]
    [InlineData("{\"a\": ")]
    [InlineData("not json")]
    public async Task Data_that_is_not_json_is_refused_before_anything_is_sent(string data)
    {
        await using var server = await TestServerHost.StartAsync();
        using var sandbox = new CliSandbox(Signed(server.BaseAddress));

        var run = await sandbox.RunAsync("api", "POST", "/echo", "--data", data);

        Assert.Equal(1, run.ExitCode);
        var expected = $"Error: The --data value \"{data}\" is not valid JSON: ";
        Assert.StartsWith(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains("LineNumber", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, server.Recorder.Count);
    }

    [Fact]
    public async Task A_missing_data_file_is_named_in_the_error()
    {
        await using var server = await TestServerHost.StartAsync();
        using var sandbox = new CliSandbox(Signed(server.BaseAddress));

        var run = await sandbox.RunAsync("api", "POST", "/echo", "--data", "@missing.json");

        Assert.Equal(1, run.ExitCode);
        var path = Path.Combine(sandbox.WorkingDirectory, "missing.json");
        Assert.Contains($"the --data file \"{path}\"", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, server.Recorder.Count);
    }

    [Theory]
    [InlineData("X-Trace abc", "\"X-Trace abc\" is not in the form 'Name: value'")]
    [InlineData(": abc", "\": abc\" is not in the form 'Name: value'")]
    [InlineData("Bad Name: abc", "\"Bad Name\" is not a valid request header name")]
    [InlineData("Authorization: BackendAI x", "\"Authorization\" is set by the client itself")]
    [InlineData("x-backendai-version: v9.20990101", "\"x-backendai-version\" is set by the client itself")]
    [InlineData("Content-Type: application/json", "no --data was given")]
    public async Task A_header_that_cannot_be_sent_is_refused_with_the_reason(string header, string expected)
    {
        await using var server = await TestServerHost.StartAsync();
        using var sandbox = new CliSandbox(Signed(server.BaseAddress));

        var run = await sandbox.RunAsync("api", "GET", "/echo", "-H", header);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(0, server.Recorder.Count);
    }

    [Theory]
    [InlineData("GET", "folders", "The path \"folders\" must start with '/'. For example /folders.")]
    [InlineData("GET", "http://example.com/folders", "Give the path only")]
    [InlineData("G-T", "/", "The method \"G-T\" is not an HTTP method")]
    public async Task A_bad_method_or_path_is_refused_with_the_value_quoted(
        string method, string path, string expected)
    {
        await using var server = await TestServerHost.StartAsync();
        using var sandbox = new CliSandbox(Signed(server.BaseAddress));

        var run = await sandbox.RunAsync("api", method, path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(0, server.Recorder.Count);
    }

    [Fact]
    public async Task An_error_answer_exits_with_1_and_puts_the_problem_document_on_standard_error()
    {
        using var state = new EmulationState();
        await using var server = await EmulatedCluster.StartAsync(state);
        using var sandbox = new CliSandbox(Signed(server.BaseAddress));

        var run = await sandbox.RunAsync("api", "GET", "/folders/nope");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith($"Error: 404 from {server.BaseAddress}", run.Error, StringComparison.Ordinal);
        Assert.Contains("title: No such virtual folder.", run.Error, StringComparison.Ordinal);
        Assert.Contains("msg:   No virtual folder named 'nope'.", run.Error, StringComparison.Ordinal);
        Assert.Contains("type:  https://api.backend.ai/probs/vfolder-not-found", run.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_endpoint_exits_with_1_naming_the_endpoint_without_a_stack_trace()
    {
        var refused = TestServerHost.GetRefusedAddress();
        using var sandbox = new CliSandbox(Signed(refused));

        var run = await sandbox.RunAsync("api", "GET", "/folders");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith("Error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(refused.Authority, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
