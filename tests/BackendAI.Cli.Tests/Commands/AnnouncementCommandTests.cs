using System.Text.Json;
using BackendAI.TestServer;

namespace BackendAI.Cli.Tests.Commands;

public sealed class AnnouncementCommandTests
{
    private static Dictionary<string, string> Signed(Uri endpoint) => new()
    {
        ["BACKEND_ENDPOINT"] = endpoint.AbsoluteUri,
        ["BACKEND_ACCESS_KEY"] = TestKeypairs.DefaultAccessKey,
        ["BACKEND_SECRET_KEY"] = TestKeypairs.DefaultSecretKey,
    };

    [Fact]
    public async Task An_enabled_announcement_is_printed()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Announcement.Set(true, "maintenance at 10:00");
        using var sandbox = new CliSandbox(Signed(server.BaseAddress));

        var run = await sandbox.RunAsync("announcement");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("maintenance at 10:00" + Environment.NewLine, run.Output);
        Assert.Contains(server.Recorder.Requests, r => r.RawTarget == "/manager/announcement");
    }

    [Fact]
    public async Task A_disabled_announcement_prints_that_there_is_none()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Announcement.Set(false, "old text");
        using var sandbox = new CliSandbox(Signed(server.BaseAddress));

        var run = await sandbox.RunAsync("announcement");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No announcement." + Environment.NewLine, run.Output);
    }

    [Fact]
    public async Task As_json_the_announcement_has_its_enabled_flag_and_message()
    {
        await using var server = await TestServerHost.StartAsync();
        server.Announcement.Set(true, "점검 예정");
        using var sandbox = new CliSandbox(Signed(server.BaseAddress));

        var run = await sandbox.RunAsync("announcement", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.True(root.GetProperty("enabled").GetBoolean());
        Assert.Equal("점검 예정", root.GetProperty("message").GetString());
        Assert.Contains("점검 예정", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_exits_with_1()
    {
        using var sandbox = new CliSandbox(Signed(TestServerHost.GetRefusedAddress()));

        var run = await sandbox.RunAsync("announcement");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Error: ", run.Error, StringComparison.Ordinal);
    }
}
