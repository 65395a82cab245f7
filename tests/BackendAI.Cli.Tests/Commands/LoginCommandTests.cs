using System.Text;
using System.Text.Json;
using BackendAI.TestServer;

namespace BackendAI.Cli.Tests.Commands;

public sealed class LoginCommandTests
{
    private const string User = SessionModeFixture.User;
    private const string Password = SessionModeFixture.Password;

    [Fact]
    public async Task A_prompted_login_asks_the_user_name_with_echo_and_the_password_without()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        var prompter = new ScriptedPrompter(User, Password);

        var run = await fixture.Sandbox.RunAsync(prompter, "login");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Logged in as {User}.{Environment.NewLine}", run.Output);
        Assert.Equal([("User name: ", false), ("Password: ", true)], prompter.Prompts);
        var login = Assert.Single(fixture.Received("/server/login"));
        Assert.Equal(200, login.Status);
        Assert.True(File.Exists(fixture.LoginFile));
    }

    [Fact]
    public async Task A_later_run_sends_the_kept_login_cookie_to_func_and_no_authorization()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        await fixture.Sandbox.RunAsync(new ScriptedPrompter(User, Password), "login");
        var cookie = Assert.Single(fixture.State.WebServer.ActiveCookies);

        var run = await fixture.Sandbox.RunAsync("api", "GET", "/folders");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(run.Output).RootElement.ValueKind);
        var request = Assert.Single(fixture.Received("/func/folders"));
        Assert.Equal($"AIOHTTP_SESSION={cookie}", request.Header("Cookie"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal(200, request.Status);
    }

    [Fact]
    public async Task The_user_and_password_may_come_from_BACKEND_USER_and_BACKEND_PASSWORD_without_prompts()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        fixture.Sandbox.Variables["BACKEND_USER"] = User;
        fixture.Sandbox.Variables["BACKEND_PASSWORD"] = Password;
        var prompter = new ScriptedPrompter();

        var run = await fixture.Sandbox.RunAsync(prompter, "login", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(prompter.Prompts);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.True(root.GetProperty("authenticated").GetBoolean());
        Assert.Equal(User, root.GetProperty("user").GetString());
    }

    [Fact]
    public async Task The_user_option_beats_BACKEND_USER()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        fixture.Sandbox.Variables["BACKEND_USER"] = "someone-else@example.com";
        fixture.Sandbox.Variables["BACKEND_PASSWORD"] = Password;

        var run = await fixture.Sandbox.RunAsync("login", "--user", User);

        Assert.Equal(0, run.ExitCode);
        var body = Encoding.UTF8.GetString(Assert.Single(fixture.Received("/server/login")).Body);
        Assert.Equal(User, JsonDocument.Parse(body).RootElement.GetProperty("username").GetString());
    }

    [Fact]
    public async Task The_password_may_come_from_standard_input()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        var prompter = new ScriptedPrompter { StandardInput = Password };

        var run = await fixture.Sandbox.RunAsync(prompter, "login", "--user", User, "--password-stdin");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(prompter.Prompts);
        Assert.Single(fixture.State.WebServer.ActiveCookies);
    }

    [Fact]
    public async Task Password_stdin_without_a_user_name_is_refused_before_anything_is_sent()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        var prompter = new ScriptedPrompter(User) { StandardInput = Password };

        var run = await fixture.Sandbox.RunAsync(prompter, "login", "--password-stdin");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--password-stdin needs the user name from --user or BACKEND_USER", run.Error,
            StringComparison.Ordinal);
        Assert.Empty(prompter.Prompts);
        Assert.Empty(fixture.Received("/server/login"));
    }

    [Fact]
    public async Task An_account_with_an_otp_is_asked_for_it_and_logged_in_with_it()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        var prompter = new ScriptedPrompter(SessionModeFixture.OtpUser, Password, SessionModeFixture.Otp);

        var run = await fixture.Sandbox.RunAsync(prompter, "login");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(("One-time password (OTP): ", false), prompter.Prompts[^1]);
        var logins = fixture.Received("/server/login");
        Assert.Equal(2, logins.Count);
        var first = JsonDocument.Parse(logins[0].Body).RootElement;
        var second = JsonDocument.Parse(logins[1].Body).RootElement;
        Assert.False(first.TryGetProperty("otp", out _));
        Assert.Equal(SessionModeFixture.Otp, second.GetProperty("otp").GetString());
    }

    [Fact]
    public async Task An_otp_given_as_an_option_is_sent_with_the_first_attempt()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        fixture.Sandbox.Variables["BACKEND_PASSWORD"] = Password;

        var run = await fixture.Sandbox.RunAsync(
            "login", "--user", SessionModeFixture.OtpUser, "--otp", SessionModeFixture.Otp);

        Assert.Equal(0, run.ExitCode);
        var login = Assert.Single(fixture.Received("/server/login"));
        var body = JsonDocument.Parse(login.Body).RootElement;
        Assert.Equal(SessionModeFixture.Otp, body.GetProperty("otp").GetString());
    }

    [Fact]
    public async Task An_unanswered_otp_prompt_fails_and_keeps_no_login()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        var prompter = new ScriptedPrompter(SessionModeFixture.OtpUser, Password);

        var run = await fixture.Sandbox.RunAsync(prompter, "login");
        var later = await fixture.Sandbox.RunAsync("api", "GET", "/folders");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("One-time password (OTP)", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(fixture.LoginFile));
        Assert.Equal(1, later.ExitCode);
        Assert.Contains("401", later.Error, StringComparison.Ordinal);
        Assert.Null(Assert.Single(fixture.Received("/func/folders")).Header("Cookie"));
    }

    [Fact]
    public async Task A_wrong_password_exits_with_1_and_the_servers_reason()
    {
        await using var fixture = await SessionModeFixture.StartAsync();

        var run = await fixture.Sandbox.RunAsync(new ScriptedPrompter(User, "wrong"), "login");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Login failed: User credential mismatch." + Environment.NewLine, run.Error);
        Assert.Empty(run.Output);
        Assert.False(File.Exists(fixture.LoginFile));
    }

    [Fact]
    public async Task Too_many_failed_attempts_exit_with_1_and_say_so()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        fixture.State.WebServer.AllowedLoginFailures = 1;
        await fixture.Sandbox.RunAsync(new ScriptedPrompter(User, "wrong"), "login");

        var run = await fixture.Sandbox.RunAsync(new ScriptedPrompter(User, Password), "login");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Too many failed login attempts", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_password_answer_is_refused_without_a_request()
    {
        await using var fixture = await SessionModeFixture.StartAsync();

        var run = await fixture.Sandbox.RunAsync(new ScriptedPrompter(User, ""), "login");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Error: No password was given." + Environment.NewLine, run.Error);
        Assert.Empty(fixture.Received("/server/login"));
    }

    [Theory]
    [InlineData("login")]
    [InlineData("logout")]
    [InlineData("update-password")]
    public async Task In_api_mode_the_login_commands_refuse_with_exit_code_2(string command)
    {
        await using var server = await TestServerHost.StartAsync();
        using var sandbox = new CliSandbox(new Dictionary<string, string>
        {
            ["BACKEND_ENDPOINT"] = server.BaseAddress.AbsoluteUri,
            ["BACKEND_USER"] = User,
            ["BACKEND_PASSWORD"] = Password,
        });
        var prompter = new ScriptedPrompter(User, Password, Password, Password);

        var run = await sandbox.RunAsync(prompter, command);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'backend.ai {command}' works in session mode only", run.Error, StringComparison.Ordinal);
        Assert.Contains("BACKEND_ENDPOINT_TYPE=session", run.Error, StringComparison.Ordinal);
        Assert.Empty(prompter.Prompts);
        Assert.Equal(0, server.Recorder.Count);
    }
}
