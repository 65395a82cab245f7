using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackendAI.TestServer.Emulation;
using static BackendAI.Client.Tests.Emulation.WebServerClient;

namespace BackendAI.Client.Tests.Emulation;

public sealed class WebServerRoutesTests
{
    [Fact]
    public async Task The_function_routes_need_the_cookie_and_then_answer_like_the_manager()
    {
        await using var server = await EmulationServer.StartAsync();
        server.State.AddUser("alice@example.com", "pw-1");
        server.State.CreateFolder("data");
        var (login, _) = await LoginAsync(server, "alice@example.com", "pw-1");
        var cookie = CookieOf(login);
        login.Dispose();

        using var anonymous = await FuncAsync(server, HttpMethod.Get, "/folders", null);
        using var stale = await FuncAsync(server, HttpMethod.Get, "/folders", "not-a-login");
        using var authorized = await FuncAsync(server, HttpMethod.Get, "/folders", cookie);
        var folders = await authorized.Content.ReadFromJsonAsync<JsonArray>();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
        Assert.Equal("data", folders![0]!["name"]!.GetValue<string>());
        var arrived = server.State.Log.Last("GET", "/func/folders")!;
        Assert.Null(arrived.Header("Authorization"));
        Assert.Contains(cookie!, arrived.Header("Cookie"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_version_probe_under_func_is_public()
    {
        await using var server = await EmulationServer.StartAsync();

        using var response = await FuncAsync(server, HttpMethod.Get, "/", null);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("v8.20240315", body!["version"]!.GetValue<string>());
        Assert.Equal("24.03.9", body["manager"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(201)]
    [InlineData(200)]
    public async Task Logout_answers_the_configured_status_and_ends_the_login(int status)
    {
        await using var server = await EmulationServer.StartAsync();
        server.State.AddUser("alice@example.com", "pw-1");
        server.State.WebServer.LogoutStatusCode = status;
        var (login, _) = await LoginAsync(server, "alice@example.com", "pw-1");
        var cookie = CookieOf(login);
        login.Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/server/logout");
        request.Headers.Add("Cookie", $"AIOHTTP_SESSION={cookie}");
        using var response = await server.Client.SendAsync(request);
        using var after = await FuncAsync(server, HttpMethod.Get, "/folders", cookie);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Empty(server.State.WebServer.ActiveCookies);
    }

    [Fact]
    public async Task With_rotation_on_a_function_answer_carries_a_new_cookie_and_the_old_one_stops_working()
    {
        await using var server = await EmulationServer.StartAsync();
        server.State.AddUser("alice@example.com", "pw-1");
        server.State.WebServer.CookieRotationInterval = 1;
        var (login, _) = await LoginAsync(server, "alice@example.com", "pw-1");
        var original = CookieOf(login);
        login.Dispose();

        using var first = await FuncAsync(server, HttpMethod.Get, "/folders", original);
        var rotated = CookieOf(first);
        using var withOld = await FuncAsync(server, HttpMethod.Get, "/folders", original);
        using var withNew = await FuncAsync(server, HttpMethod.Get, "/folders", rotated);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(rotated);
        Assert.NotEqual(original, rotated);
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task Update_password_without_login_checks_the_current_password_and_changes_it()
    {
        await using var server = await EmulationServer.StartAsync();
        var user = server.State.AddUser("alice@example.com", "old-pw");

        JsonObject Body(string current) => new()
        {
            ["username"] = user.Name,
            ["current_password"] = current,
            ["new_password"] = "new-pw",
        };

        const string Path = "/server/update-password-no-auth";

        using var wrong = await server.SendJsonAsync(HttpMethod.Post, Path, Body("nope"));
        using var right = await server.SendJsonAsync(HttpMethod.Post, Path, Body("old-pw"));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("new-pw", user.Password);
    }

    [Fact]
    public async Task Update_password_through_func_acts_for_the_logged_in_user()
    {
        await using var server = await EmulationServer.StartAsync();
        var user = server.State.AddUser("alice@example.com", "old-pw");
        var (login, _) = await LoginAsync(server, user.Name, "old-pw");
        var cookie = CookieOf(login);
        login.Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/func/auth/update-password")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["old_password"] = "old-pw",
                ["new_password"] = "new-pw",
                ["new_password2"] = "new-pw",
            }),
        };
        request.Headers.Add("Cookie", $"AIOHTTP_SESSION={cookie}");
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("new-pw", user.Password);
    }

    [Fact]
    public async Task An_unknown_function_path_is_401_without_login_and_404_with_it()
    {
        await using var server = await EmulationServer.StartAsync();
        server.State.AddUser("alice@example.com", "pw-1");
        var (login, _) = await LoginAsync(server, "alice@example.com", "pw-1");
        var cookie = CookieOf(login);
        login.Dispose();

        using var anonymous = await FuncAsync(server, HttpMethod.Get, "/no/such/route", null);
        using var authorized = await FuncAsync(server, HttpMethod.Get, "/no/such/route", cookie);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, authorized.StatusCode);
    }

    [Fact]
    public async Task The_session_id_header_stands_in_for_the_cookie_when_switched_on()
    {
        await using var server = await EmulationServer.StartAsync();
        server.State.AddUser("alice@example.com", "pw-1");
        server.State.WebServer.SendSessionIdHeader = true;
        var (login, _) = await LoginAsync(server, "alice@example.com", "pw-1");
        var sessionId = login.Headers.GetValues(WebServerRoutes.SessionIdHeader).Single();
        login.Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/func/folders");
        request.Headers.Add(WebServerRoutes.SessionIdHeader, sessionId);
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
