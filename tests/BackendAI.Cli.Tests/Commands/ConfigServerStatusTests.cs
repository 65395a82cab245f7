using System.Runtime.Versioning;
using System.Text.Json;
using BackendAI.TestServer;
using BackendAI.TestServer.Emulation;
using BackendAI.TestServer.Faults;

namespace BackendAI.Cli.Tests.Commands;

public sealed class ConfigServerStatusTests
{
    private static Dictionary<string, string> Signed(Uri endpoint) => new()
    {
        ["BACKEND_ENDPOINT"] = endpoint.AbsoluteUri,
        ["BACKEND_ACCESS_KEY"] = TestKeypairs.DefaultAccessKey,
        ["BACKEND_SECRET_KEY"] = TestKeypairs.DefaultSecretKey,
    };

    [Fact]
    public async Task Config_shows_the_server_versions_and_the_negotiated_version_of_a_live_server()
    {
        await using var server = await TestServerHost.StartAsync();
        using var sandbox = new CliSandbox(Signed(server.BaseAddress));

        var run = await sandbox.RunAsync("config");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Server                  API v8.20240315 (manager 24.03.9)", run.Output,
            StringComparison.Ordinal);
        Assert.Contains("Negotiated API version  v8.20240315", run.Output, StringComparison.Ordinal);
        var probe = Assert.Single(server.Recorder.Requests);
        Assert.Equal("/", probe.RawTarget);
        Assert.Null(probe.Header("Authorization"));
    }

    [Fact]
    public async Task Config_as_json_has_the_server_and_negotiated_versions()
    {
        await using var server = await TestServerHost.StartAsync();
        using var sandbox = new CliSandbox(Signed(server.BaseAddress));

        var run = await sandbox.RunAsync("config", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("v8.20240315", root.GetProperty("server_version").GetString());
        Assert.Equal("24.03.9", root.GetProperty("manager_version").GetString());
        Assert.Equal("v8.20240315", root.GetProperty("negotiated_version").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("logged_in_user").ValueKind);
    }

    [Fact]
    public async Task An_older_server_lowers_the_negotiated_version()
    {
        using var state = new EmulationState { ApiVersion = "v7.20230615", ManagerVersion = "23.09.1" };
        await using var server = await EmulatedCluster.StartAsync(state);
        using var sandbox = new CliSandbox(new Dictionary<string, string>
        {
            ["BACKEND_ENDPOINT"] = server.BaseAddress.AbsoluteUri,
            ["BACKEND_ENDPOINT_TYPE"] = "session",
        });

        var run = await sandbox.RunAsync("config", "-o", "json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("v7.20230615", root.GetProperty("server_version").GetString());
        Assert.Equal("23.09.1", root.GetProperty("manager_version").GetString());
        Assert.Equal("v7.20230615", root.GetProperty("negotiated_version").GetString());
        Assert.Equal("v8.20240315", root.GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_refused_endpoint_shows_failed_to_fetch_and_still_exits_with_0()
    {
        using var sandbox = new CliSandbox(Signed(TestServerHost.GetRefusedAddress()));

        var text = await sandbox.RunAsync("config");
        var json = await sandbox.RunAsync("config", "--output", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Server                  (failed to fetch)", text.Output, StringComparison.Ordinal);
        Assert.Contains("(not negotiated; requests use v8.20240315)", text.Output, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        var root = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("server_version").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("manager_version").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("negotiated_version").ValueKind);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_within_the_connect_timeout_shows_failed_to_fetch()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Faults.Inject(Fault.StallBeforeHeaders(TimeSpan.FromMinutes(5)));
        var variables = Signed(server.BaseAddress);
        variables["BACKEND_CONNECTION_TIMEOUT"] = "0.2";
        using var sandbox = new CliSandbox(variables);

        var run = await sandbox.RunAsync("config");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(failed to fetch)", run.Output, StringComparison.Ordinal);
        Assert.Equal(1, server.Recorder.Count);
    }

    [Fact]
    public async Task Without_an_endpoint_no_server_line_is_shown_and_the_versions_are_null()
    {
        using var sandbox = new CliSandbox(new Dictionary<string, string>());

        var text = await sandbox.RunAsync("config");
        var json = await sandbox.RunAsync("config", "--output", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.DoesNotContain("Server ", text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Negotiated", text.Output, StringComparison.Ordinal);
        var root = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("server_version").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("negotiated_version").ValueKind);
    }

    [Fact]
    public async Task In_session_mode_config_shows_the_logged_in_user_instead_of_keys()
    {
        using var state = new EmulationState();
        state.AddUser("user@example.com", "pw-123456");
        await using var server = await EmulatedCluster.StartAsync(state);
        using var sandbox = new CliSandbox(new Dictionary<string, string>
        {
            ["BACKEND_ENDPOINT"] = server.BaseAddress.AbsoluteUri,
            ["BACKEND_ENDPOINT_TYPE"] = "session",
            ["BACKEND_ACCESS_KEY"] = TestKeypairs.DefaultAccessKey,
            ["BACKEND_SECRET_KEY"] = TestKeypairs.DefaultSecretKey,
        });

        var before = await sandbox.RunAsync("config");
        await sandbox.RunAsync(new ScriptedPrompter("user@example.com", "pw-123456"), "login");
        var after = await sandbox.RunAsync("config");
        var json = await sandbox.RunAsync("config", "-o", "json");

        Assert.Contains("(session mode)", before.Output, StringComparison.Ordinal);
        Assert.Contains("Logged in as            (not logged in; run 'backend.ai login')", before.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeypairs.DefaultAccessKey, before.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret key", before.Output, StringComparison.Ordinal);
        Assert.Contains("Logged in as            user@example.com", after.Output, StringComparison.Ordinal);
        Assert.Contains("API v8.20240315 (manager 24.03.9)", after.Output, StringComparison.Ordinal);
        var root = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal("user@example.com", root.GetProperty("logged_in_user").GetString());
        Assert.Equal("session", root.GetProperty("endpoint_type").GetString());
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_login_file_others_can_read_is_reported_on_the_login_line_and_config_still_exits_with_0()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        await fixture.Sandbox.RunAsync(
            new ScriptedPrompter(SessionModeFixture.User, SessionModeFixture.Password), "login");
        var mode = File.GetUnixFileMode(fixture.LoginFile);
        File.SetUnixFileMode(fixture.LoginFile, mode | UnixFileMode.OtherRead);

        var text = await fixture.Sandbox.RunAsync("config");
        var json = await fixture.Sandbox.RunAsync("config", "-o", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Logged in as            (the kept login cannot be read: ", text.Output,
            StringComparison.Ordinal);
        Assert.Contains("chmod 600", text.Output, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        var root = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("logged_in_user").ValueKind);
        Assert.StartsWith("Login: ", json.Error, StringComparison.Ordinal);
    }
}
