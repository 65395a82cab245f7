using System.Net;
using System.Text.Json.Nodes;
using static BackendAI.Client.Tests.Emulation.WebServerClient;

namespace BackendAI.Client.Tests.Emulation;

public sealed class WebServerLoginTests
{
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
