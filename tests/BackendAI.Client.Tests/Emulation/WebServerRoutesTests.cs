using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackendAI.TestServer.Emulation;

namespace BackendAI.Client.Tests.Emulation;

public sealed class WebServerRoutesTests
{
    private static async Task<(HttpResponseMessage Response, JsonObject? Body)> LoginAsync(
        EmulationServer server, string user, string password, string? otp = null, string? cookie = null)
    {
        var body = new JsonObject { ["username"] = user, ["password"] = password };
        if (otp is not null)
        {
            body["otp"] = otp;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/server/login");
        request.Content = JsonContent.Create(body);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"AIOHTTP_SESSION={cookie}");
        }

        var response = await server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject);
    }

    private static string? CookieOf(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return null;
        }

        var header = values.Single(v => v.StartsWith("AIOHTTP_SESSION=", StringComparison.Ordinal));
        return header["AIOHTTP_SESSION=".Length..header.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<HttpResponseMessage> FuncAsync(
        EmulationServer server, HttpMethod method, string path, string? cookie)
    {
        using var request = new HttpRequestMessage(method, "/func" + path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"AIOHTTP_SESSION={cookie}");
        }

        return await server.Client.SendAsync(request);
    }

    [Fact]
    public async Task A_good_login_is_authenticated_and_sets_an_http_only_root_cookie()
    {
        await using var server = await EmulationServer.StartAsync();
        var user = server.State.AddUser("alice@example.com", "pw-1");

        var (response, body) = await LoginAsync(server, "alice@example.com", "pw-1");
        using var _ = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body!["authenticated"]!.GetValue<bool>());
        Assert.Equal(user.AccessKey, body["data"]!["access_key"]!.GetValue<string>());
        var setCookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(CookieOf(response)!, server.State.WebServer.ActiveCookies);
    }

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

    [Fact]
    public async Task An_otp_account_without_otp_is_asked_for_it_and_nothing_is_stored()
    {
        await using var server = await EmulationServer.StartAsync();
        server.State.AddUser("bob@example.com", "pw-2", otp: "123456");

        var (first, firstBody) = await LoginAsync(server, "bob@example.com", "pw-2");
        var (second, secondBody) = await LoginAsync(server, "bob@example.com", "pw-2", otp: "123456");
        using var _ = first;
        using var __ = second;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(firstBody!["authenticated"]!.GetValue<bool>());
        Assert.Equal("OTP not provided", firstBody["data"]!["details"]!.GetValue<string>());
        Assert.Null(CookieOf(first));
        Assert.True(secondBody!["authenticated"]!.GetValue<bool>());
        Assert.NotNull(CookieOf(second));
    }

    [Fact]
    public async Task A_wrong_password_is_not_authenticated_and_says_why()
    {
        await using var server = await EmulationServer.StartAsync();
        server.State.AddUser("alice@example.com", "pw-1");

        var (response, body) = await LoginAsync(server, "alice@example.com", "wrong");
        using var _ = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body!["authenticated"]!.GetValue<bool>());
        Assert.Equal("User credential mismatch.", body["data"]!["details"]!.GetValue<string>());
        Assert.Null(CookieOf(response));
    }

    [Fact]
    public async Task After_five_failures_even_the_right_password_gets_429()
    {
        await using var server = await EmulationServer.StartAsync();
        server.State.AddUser("alice@example.com", "pw-1");
        for (var i = 0; i < 5; i++)
        {
            var (failed, _) = await LoginAsync(server, "alice@example.com", "wrong");
            failed.Dispose();
        }

        var (response, body) = await LoginAsync(server, "alice@example.com", "pw-1");
        using var _ = response;

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("https://api.backend.ai/probs/too-many-requests", body!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_login_with_a_valid_cookie_is_a_400_but_a_stale_cookie_is_ignored()
    {
        await using var server = await EmulationServer.StartAsync();
        server.State.AddUser("alice@example.com", "pw-1");
        var (first, _) = await LoginAsync(server, "alice@example.com", "pw-1");
        var cookie = CookieOf(first);
        first.Dispose();

        var (again, againBody) = await LoginAsync(server, "alice@example.com", "pw-1", cookie: cookie);
        var (stale, staleBody) = await LoginAsync(server, "alice@example.com", "pw-1", cookie: "expired-value");
        using var _ = again;
        using var __ = stale;

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("You have already logged in.", againBody!["title"]!.GetValue<string>());
        Assert.True(staleBody!["authenticated"]!.GetValue<bool>());
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

    [Fact]
    public async Task A_login_whose_username_is_not_a_string_is_a_400_problem()
    {
        await using var server = await EmulationServer.StartAsync();

        using var response = await server.SendJsonAsync(
            HttpMethod.Post, "/server/login", new JsonObject { ["username"] = 5, ["password"] = "pw" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, server.State.Log.Count("login.failed"));
    }
}
