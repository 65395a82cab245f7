using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BackendAI.Client.Tests.Emulation;

public sealed class SessionRoutesTests
{
    private static JsonObject CreateBody(string name, params string[] mounts) => new()
    {
        ["image"] = "cr.backend.ai/stable/python:3.9-ubuntu20.04",
        ["name"] = name,
        ["type"] = "interactive",
        ["group"] = "research",
        ["domain"] = "lab",
        ["config"] = new JsonObject
        {
            ["mounts"] = new JsonArray([.. mounts.Select(m => JsonValue.Create(m))]),
            ["environ"] = new JsonObject { ["MODE"] = "test" },
        },
    };

    [Fact]
    public async Task Creating_a_new_session_answers_201_with_id_status_and_service_ports()
    {
        await using var server = await EmulationServer.StartAsync();

        using var response = await server.SendJsonAsync(HttpMethod.Post, "/session", CreateBody("s1"));
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(Guid.TryParse(answer!["sessionId"]!.GetValue<string>(), out _));
        Assert.True(answer["created"]!.GetValue<bool>());
        Assert.Equal("RUNNING", answer["status"]!.GetValue<string>());
        Assert.NotEmpty(answer["servicePorts"]!.AsArray());
    }

    [Fact]
    public async Task Creating_a_session_whose_name_exists_reuses_it()
    {
        await using var server = await EmulationServer.StartAsync();
        using var first = await server.SendJsonAsync(HttpMethod.Post, "/session", CreateBody("s1"));
        var firstId = (await first.Content.ReadFromJsonAsync<JsonObject>())!["sessionId"]!.GetValue<string>();

        using var second = await server.SendJsonAsync(HttpMethod.Post, "/session", CreateBody("s1"));
        var answer = await second.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(answer!["created"]!.GetValue<bool>());
        Assert.Equal(firstId, answer["sessionId"]!.GetValue<string>());
        Assert.Single(server.State.Sessions);
    }

    [Fact]
    public async Task Creating_an_existing_session_without_reuse_is_a_409_problem()
    {
        await using var server = await EmulationServer.StartAsync();
        using var first = await server.SendJsonAsync(HttpMethod.Post, "/session", CreateBody("s1"));
        var body = CreateBody("s1");
        body["reuseIfExists"] = false;

        using var second = await server.SendJsonAsync(HttpMethod.Post, "/session", body);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_mounts_group_and_domain_received_are_kept_on_the_session_and_in_the_log()
    {
        await using var server = await EmulationServer.StartAsync();
        server.State.CreateFolder("data2");
        server.State.CreateFolder("scratch");
        server.State.CreateFolder("data1");

        using var response = await server.SendJsonAsync(
            HttpMethod.Post, "/session", CreateBody("s1", "data2", "scratch", "data1"));

        var session = server.State.FindSession("s1")!;
        Assert.Equal(["data2", "scratch", "data1"], session.Mounts);
        Assert.Equal("research", session.Group);
        Assert.Equal("lab", session.Domain);
        Assert.Equal("test", session.Environ["MODE"]);
        var logged = server.State.Log.Last("POST", "/session")!.Body!;
        Assert.Equal("data2", logged["config"]!["mounts"]![0]!.GetValue<string>());
        Assert.Equal(1, server.State.Log.Count("POST /session"));
    }

    [Fact]
    public async Task A_mount_naming_an_unknown_folder_is_a_404_problem()
    {
        await using var server = await EmulationServer.StartAsync();

        using var response = await server.SendJsonAsync(HttpMethod.Post, "/session", CreateBody("s1", "nowhere"));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("https://api.backend.ai/probs/vfolder-not-found", problem!["type"]!.GetValue<string>());
        Assert.Contains("nowhere", problem["msg"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(server.State.Sessions);
    }

    [Fact]
    public async Task A_creation_body_without_an_image_is_a_400_problem()
    {
        await using var server = await EmulationServer.StartAsync();

        using var response = await server.SendJsonAsync(
            HttpMethod.Post, "/session", new JsonObject { ["name"] = "x" });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("https://api.backend.ai/probs/invalid-api-params", problem!["type"]!.GetValue<string>());
        Assert.NotNull(problem["title"]);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem()
    {
        await using var server = await EmulationServer.StartAsync();
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

        using var response = await server.Client.PostAsync(new Uri("/session", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Info_restart_logs_and_destroy_act_on_the_named_session()
    {
        await using var server = await EmulationServer.StartAsync();
        using var created = await server.SendJsonAsync(HttpMethod.Post, "/session", CreateBody("s1"));

        using var info = await server.SendJsonAsync(HttpMethod.Get, "/session/s1");
        var infoBody = await info.Content.ReadFromJsonAsync<JsonObject>();
        using var restart = await server.SendJsonAsync(HttpMethod.Patch, "/session/s1");
        using var logs = await server.SendJsonAsync(HttpMethod.Get, "/session/s1/logs");
        var logText = (await logs.Content.ReadFromJsonAsync<JsonObject>())!["result"]!["logs"]!.GetValue<string>();
        using var destroy = await server.SendJsonAsync(HttpMethod.Delete, "/session/s1?forced=true");
        using var after = await server.SendJsonAsync(HttpMethod.Get, "/session/s1");

        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.Equal("research", infoBody!["groupName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, restart.StatusCode);
        Assert.Contains("restarted", logText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, destroy.StatusCode);
        Assert.Equal("?forced=true", server.State.Log.Last("DELETE", "/session/s1")!.Query);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/session/ghost")]
    [InlineData("DELETE", "/session/ghost")]
    [InlineData("PATCH", "/session/ghost")]
    [InlineData("GET", "/session/ghost/logs")]
    public async Task An_unknown_session_is_a_404_session_not_found_problem(string method, string path)
    {
        await using var server = await EmulationServer.StartAsync();

        using var response = await server.SendJsonAsync(new HttpMethod(method), path);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("https://api.backend.ai/probs/session-not-found", problem!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_forced_value_that_is_not_a_flag_is_a_400_problem()
    {
        await using var server = await EmulationServer.StartAsync();
        using var created = await server.SendJsonAsync(HttpMethod.Post, "/session", CreateBody("s1"));

        using var response = await server.SendJsonAsync(HttpMethod.Delete, "/session/s1?forced=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(server.State.FindSession("s1"));
    }

    [Fact]
    public async Task Concurrent_creations_of_one_name_create_exactly_one_session()
    {
        await using var server = await EmulationServer.StartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            server.SendJsonAsync(HttpMethod.Post, "/session", CreateBody("shared"))));
        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var reused = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal(1, created);
        Assert.Equal(15, reused);
        Assert.Single(server.State.Sessions);
    }
}
