using BackendAI.Client.Tests.Functions;

namespace BackendAI.Client.Tests.SessionMode;

public sealed class PasswordUpdateTests
{
    private const string User = "alice@example.com";
    private const string Password = "alice-password";

    [Fact]
    public async Task Updating_the_password_in_session_mode_goes_to_func_auth_with_the_cookie()
    {
        await using var cluster = await ClusterScope.StartAsync();
        var user = cluster.State.AddUser(User, Password);
        using var client = ClusterScope.Client(cluster.SessionConfig());
        await client.Auth.LoginAsync(User, Password);

        await client.Auth.UpdatePasswordAsync(Password, "new-password-1");

        var request = Assert.Single(cluster.Received("POST", "/func/auth/update-password"));
        Assert.StartsWith("AIOHTTP_SESSION=", request.Header("Cookie"), StringComparison.Ordinal);
        Assert.Equal("new-password-1", user.Password);
    }

    [Fact]
    public async Task Updating_the_password_in_api_mode_is_signed()
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        await client.Auth.UpdatePasswordAsync("keypair-password", "new-password-2");

        var request = Assert.Single(cluster.Received("POST", "/auth/update-password"));
        Assert.StartsWith(
            "BackendAI signMethod=HMAC-SHA256", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("new-password-2", cluster.State.FindUser(ClusterScope.KeypairUser)!.Password);
    }

    [Fact]
    public async Task A_wrong_old_password_is_an_api_error()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser(User, Password);
        using var client = ClusterScope.Client(cluster.SessionConfig());
        await client.Auth.LoginAsync(User, Password);

        var error = await Assert.ThrowsAsync<BackendAIApiException>(
            () => client.Auth.UpdatePasswordAsync("not-it", "new-password-3"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(Password, cluster.State.FindUser(User)!.Password);
    }

    [Fact]
    public async Task An_expired_password_is_updated_through_the_web_server_without_a_login_in_session_mode()
    {
        await using var cluster = await ClusterScope.StartAsync();
        var user = cluster.State.AddUser(User, Password);
        using var client = ClusterScope.Client(cluster.SessionConfig());

        await client.Auth.UpdatePasswordNoAuthAsync(User, Password, "fresh-password");

        var request = Assert.Single(cluster.Received("POST", "/server/update-password-no-auth"));
        Assert.Null(cluster.State.Log.Last("POST", "/update-password-no-auth")!.Body!["domain"]);
        Assert.Null(request.Header("Cookie"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("fresh-password", user.Password);
        Assert.True((await client.Auth.LoginAsync(User, "fresh-password")).IsAuthenticated);
    }

    [Fact]
    public async Task An_expired_password_is_updated_through_the_manager_unsigned_in_api_mode()
    {
        await using var cluster = await ClusterScope.StartAsync();
        var user = cluster.State.AddUser(User, Password);
        using var client = ClusterScope.Client(cluster.KeypairConfig(("BACKEND_DOMAIN", "research")));

        await client.Auth.UpdatePasswordNoAuthAsync(User, Password, "fresh-password");

        var request = Assert.Single(cluster.Received("POST", "/auth/update-password-no-auth"));
        var body = cluster.State.Log.Last("POST", "/update-password-no-auth")!.Body!;
        Assert.Equal("research", body["domain"]!.GetValue<string>());
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("fresh-password", user.Password);
    }
}
