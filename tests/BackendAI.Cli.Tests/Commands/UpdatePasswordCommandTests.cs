namespace BackendAI.Cli.Tests.Commands;

public sealed class UpdatePasswordCommandTests
{
    private const string User = SessionModeFixture.User;
    private const string Password = SessionModeFixture.Password;

    [Fact]
    public async Task The_logged_in_user_changes_the_password_after_typing_the_new_one_twice()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        await fixture.Sandbox.RunAsync(new ScriptedPrompter(User, Password), "login");
        var prompter = new ScriptedPrompter(Password, "new secret", "new secret");

        var run = await fixture.Sandbox.RunAsync(prompter, "update-password");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Password updated." + Environment.NewLine, run.Output);
        Assert.All(prompter.Prompts, p => Assert.True(p.Secret));
        Assert.Equal("new secret", fixture.State.FindUser(User)!.Password);
        var request = Assert.Single(fixture.Received("/func/auth/update-password"));
        Assert.NotNull(request.Header("Cookie"));
    }

    [Fact]
    public async Task New_passwords_that_differ_change_nothing()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        await fixture.Sandbox.RunAsync(new ScriptedPrompter(User, Password), "login");

        var run = await fixture.Sandbox.RunAsync(
            new ScriptedPrompter(Password, "new secret", "new secrte"), "update-password");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the new passwords do not match; nothing was changed", run.Error,
            StringComparison.Ordinal);
        Assert.Equal(Password, fixture.State.FindUser(User)!.Password);
        Assert.Empty(fixture.Received("/func/auth/update-password"));
    }

    [Fact]
    public async Task Without_a_login_it_points_to_login_and_to_no_auth_before_asking_anything()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        var prompter = new ScriptedPrompter(Password, "new secret", "new secret");

        var run = await fixture.Sandbox.RunAsync(prompter, "update-password");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not logged in", run.Error, StringComparison.Ordinal);
        Assert.Contains("--no-auth --user NAME", run.Error, StringComparison.Ordinal);
        Assert.Empty(prompter.Prompts);
    }

    [Fact]
    public async Task No_auth_changes_an_expired_password_through_the_web_server_without_a_login()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        var prompter = new ScriptedPrompter(Password, "new secret", "new secret");

        var run = await fixture.Sandbox.RunAsync(prompter, "update-password", "--no-auth", "--user", User);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Password of {User} updated", run.Output, StringComparison.Ordinal);
        Assert.Equal("new secret", fixture.State.FindUser(User)!.Password);
        var request = Assert.Single(fixture.Received("/server/update-password-no-auth"));
        Assert.Null(request.Header("Cookie"));
    }

    [Fact]
    public async Task No_auth_with_a_wrong_current_password_exits_with_1_and_the_problem()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        var prompter = new ScriptedPrompter("wrong", "new secret", "new secret");

        var run = await fixture.Sandbox.RunAsync(prompter, "update-password", "--no-auth", "--user", User);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("401", run.Error, StringComparison.Ordinal);
        Assert.Contains("User credential mismatch.", run.Error, StringComparison.Ordinal);
        Assert.Equal(Password, fixture.State.FindUser(User)!.Password);
    }
}
