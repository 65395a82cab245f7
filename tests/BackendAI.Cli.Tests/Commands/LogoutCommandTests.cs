namespace BackendAI.Cli.Tests.Commands;

public sealed class LogoutCommandTests
{
    [Fact]
    public async Task Logout_ends_the_login_on_the_server_and_forgets_it()
    {
        await using var fixture = await SessionModeFixture.StartAsync();
        await fixture.Sandbox.RunAsync(
            new ScriptedPrompter(SessionModeFixture.User, SessionModeFixture.Password), "login");

        var run = await fixture.Sandbox.RunAsync("logout");
        var later = await fixture.Sandbox.RunAsync("api", "GET", "/folders");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Logged out {SessionModeFixture.User}.{Environment.NewLine}", run.Output);
        Assert.Empty(fixture.State.WebServer.ActiveCookies);
        var logout = Assert.Single(fixture.Received("/server/logout"));
        Assert.StartsWith("AIOHTTP_SESSION=", logout.Header("Cookie"), StringComparison.Ordinal);
        Assert.Equal(1, later.ExitCode);
        Assert.Null(Assert.Single(fixture.Received("/func/folders")).Header("Cookie"));
    }

    [Fact]
    public async Task Logout_without_a_login_says_so_and_sends_nothing()
    {
        await using var fixture = await SessionModeFixture.StartAsync();

        var run = await fixture.Sandbox.RunAsync("logout");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Not logged in; nothing to do." + Environment.NewLine, run.Output);
        Assert.Equal(0, fixture.Server.Recorder.Count);
    }
}
