using System.Text.Json;
using BackendAI.Client.Functions.Sessions;

namespace BackendAI.Client.Tests.Functions;

public sealed class ComputeSessionFunctionsTests
{
    [Fact]
    public async Task Mounts_sent_are_the_callers_then_the_configured_ones_without_duplicates()
    {
        await using var cluster = await ClusterScope.StartAsync();
        CreateFolders(cluster, "data1", "data2", "scratch");
        using var client = ClusterScope.Client(cluster.KeypairConfig(("BACKEND_VFOLDER_MOUNTS", "data1,data2")));
        var options = new SessionCreateOptions { Image = "python:3.9", Name = "mounts" };
        options.Mounts.Add("data2");
        options.Mounts.Add("scratch");

        await client.Sessions.GetOrCreateAsync(options);

        var body = cluster.State.Log.Last("POST", "/session")!.Body!;
        var mounts = body["config"]!["mounts"]!.AsArray().Select(m => m!.GetValue<string>());
        Assert.Equal(["data2", "scratch", "data1"], mounts);
        Assert.Equal(["data2", "scratch"], options.Mounts);
        Assert.Equal(["data2", "scratch", "data1"], cluster.State.FindSession("mounts")!.Mounts);
    }

    [Fact]
    public async Task A_session_without_a_name_gets_a_generated_one_and_is_reachable_by_id_too()
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        var created = await client.Sessions.GetOrCreateAsync(new SessionCreateOptions { Image = "python:3.9" });
        var result = await client.Sessions.RunAsync(created.SessionId, "print('by id')");

        Assert.StartsWith("dotnet-", created.Name, StringComparison.Ordinal);
        Assert.Equal(created.Name, cluster.State.Log.Last("POST", "/session")!.Body!["name"]!.GetValue<string>());
        Assert.Equal("finished", result.Status);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("two words")]
    [InlineData("")]
    public async Task A_session_name_that_cannot_be_a_path_segment_is_refused_before_sending(string name)
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Sessions.GetOrCreateAsync(new SessionCreateOptions { Image = "python:3.9", Name = name }));

        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Null(cluster.State.Log.Last("POST", "/session"));
    }

    [Fact]
    public async Task Group_and_domain_default_to_the_configuration_and_a_callers_values_win()
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig(
            ("BACKEND_GROUP", "project-x"), ("BACKEND_DOMAIN", "research")));

        await client.Sessions.GetOrCreateAsync(
            new SessionCreateOptions { Image = "python:3.9", Name = "defaults" });
        var defaults = cluster.State.Log.Last("POST", "/session")!;
        await client.Sessions.GetOrCreateAsync(new SessionCreateOptions
        {
            Image = "python:3.9",
            Name = "explicit",
            Group = "other-project",
            Domain = "other-domain",
        });
        var explicitly = cluster.State.Log.Last("POST", "/session")!;

        Assert.Equal("project-x", defaults.Body!["group"]!.GetValue<string>());
        Assert.Equal("research", defaults.Body!["domain"]!.GetValue<string>());
        Assert.Equal("research", defaults.Header("X-BackendAI-Domain"));
        Assert.Equal("other-project", explicitly.Body!["group"]!.GetValue<string>());
        Assert.Equal("other-domain", explicitly.Body!["domain"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_or_create_sends_every_option_and_reads_the_answer()
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig());
        var options = new SessionCreateOptions
        {
            Image = "python:3.9",
            Name = "full",
            Type = "interactive",
            ScalingGroup = "gpu",
            ClusterSize = 2,
            ClusterMode = "multi-node",
            EnqueueOnly = true,
            MaxWaitSeconds = 30,
            StartupCommand = "python main.py",
            BootstrapScript = "pip install x",
            Tag = "nightly",
            Architecture = "aarch64",
            OwnerAccessKey = "AKOTHER",
        };
        options.Environment["MODE"] = "test";
        options.Resources["cpu"] = "2";

        var created = await client.Sessions.GetOrCreateAsync(options);
        var reused = await client.Sessions.GetOrCreateAsync(options);

        var body = cluster.State.Log.Last("POST", "/session")!.Body!.AsObject();
        Assert.Equal("gpu", body["config"]!["scalingGroup"]!.GetValue<string>());
        Assert.Equal("test", body["config"]!["environ"]!["MODE"]!.GetValue<string>());
        Assert.Equal("2", body["config"]!["resources"]!["cpu"]!.GetValue<string>());
        Assert.Equal(2, body["clusterSize"]!.GetValue<int>());
        Assert.Equal("multi-node", body["clusterMode"]!.GetValue<string>());
        Assert.True(body["enqueueOnly"]!.GetValue<bool>());
        Assert.Equal(30, body["maxWaitSeconds"]!.GetValue<int>());
        Assert.True(body["reuseIfExists"]!.GetValue<bool>());
        Assert.Equal("python main.py", body["startupCommand"]!.GetValue<string>());
        Assert.Equal("pip install x", body["bootstrap_script"]!.GetValue<string>());
        Assert.Equal("nightly", body["tag"]!.GetValue<string>());
        Assert.Equal("aarch64", body["architecture"]!.GetValue<string>());
        Assert.Equal("AKOTHER", body["owner_access_key"]!.GetValue<string>());

        Assert.True(created.Created);
        Assert.False(reused.Created);
        Assert.Equal(created.SessionId, reused.SessionId);
        Assert.Equal("full", created.Name);
        Assert.Equal("PENDING", created.Status);
        Assert.Equal(JsonValueKind.Array, created.ServicePorts.ValueKind);
        Assert.Equal(cluster.State.FindSession("full")!.Id.ToString(), created.SessionId);
    }

    [Fact]
    public async Task Get_or_create_without_an_image_is_refused_before_sending()
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => client.Sessions.GetOrCreateAsync(new SessionCreateOptions { Name = "no-image" }));

        Assert.Contains("Image", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, cluster.Recorder.Count);
    }

    [Fact]
    public async Task Info_restart_logs_and_forced_destroy_reach_their_routes()
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig());
        await client.Sessions.GetOrCreateAsync(new SessionCreateOptions { Image = "python:3.9", Name = "life" });

        var info = await client.Sessions.GetInfoAsync("life");
        await client.Sessions.RestartAsync("life");
        var logs = await client.Sessions.GetLogsAsync("life");
        await client.Sessions.DestroyAsync("life", forced: true);

        Assert.Equal("python:3.9", info.GetProperty("image").GetString());
        Assert.Contains("Session life restarted", logs, StringComparison.Ordinal);
        Assert.Single(cluster.Received("PATCH", "/session/life"));
        var destroy = Assert.Single(cluster.Received("DELETE", "/session/life"));
        Assert.Equal("/session/life?forced=true", destroy.RawTarget);
        Assert.Null(cluster.State.FindSession("life"));
        var missing = await Assert.ThrowsAsync<BackendAIApiException>(() => client.Sessions.GetInfoAsync("life"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Run_collects_output_over_continued_polls_and_returns_the_exit_code()
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig());
        await client.Sessions.GetOrCreateAsync(new SessionCreateOptions { Image = "python:3.9", Name = "runner" });
        var seen = new List<ConsoleItem>();

        var result = await client.Sessions.RunAsync(
            "runner",
            "print('one')\nsleep 1\nprint('two', file=sys.stderr)\nsleep 1\nprint('three')\nexit 3",
            seen.Add);

        Assert.Equal(
            [
                new ConsoleItem("stdout", "one\n"),
                new ConsoleItem("stderr", "two\n"),
                new ConsoleItem("stdout", "three\n"),
            ],
            seen);
        Assert.Equal("finished", result.Status);
        Assert.Equal(3, result.ExitCode);
        var bodies = cluster.State.Log.Received.Where(r => r.Method == "POST" && r.Path == "/session/runner")
            .Select(r => r.Body!).ToList();
        Assert.Equal(["query", "continue", "continue"], bodies.Select(b => b["mode"]!.GetValue<string>()));
        Assert.Single(bodies.Select(b => b["runId"]!.GetValue<string>()).Distinct());
    }

    [Fact]
    public async Task Session_functions_work_through_the_web_server_in_session_mode()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser("alice@example.com", "pw");
        CreateFolders(cluster, "home");
        using var client = ClusterScope.Client(cluster.SessionConfig(("BACKEND_VFOLDER_MOUNTS", "home")));
        await client.Auth.LoginAsync("alice@example.com", "pw");

        await client.Sessions.GetOrCreateAsync(new SessionCreateOptions { Image = "python:3.9", Name = "web" });
        var result = await client.Sessions.RunAsync("web", "print('hi')");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["home"], cluster.State.FindSession("web")!.Mounts);
        Assert.Single(cluster.Received("POST", "/func/session"));
    }

    private static void CreateFolders(ClusterScope cluster, params string[] names)
    {
        foreach (var name in names)
        {
            cluster.State.CreateFolder(name);
        }
    }
}
