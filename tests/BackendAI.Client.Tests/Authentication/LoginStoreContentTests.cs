using BackendAI.Client.Authentication;
using static BackendAI.Client.Tests.Authentication.LoginStoreSandbox;

namespace BackendAI.Client.Tests.Authentication;

public sealed class LoginStoreContentTests : IDisposable
{
    private const string ValidEntry =
        """{"endpoints":["http://10.0.0.5:8090"],"cookieName":"AIOHTTP_SESSION","cookieValue":"tasty-secret" """ +
        ""","sessionId":null,"userName":"alice","savedAt":"2024-03-15T09:30:00+00:00"}""";

    private readonly LoginStoreSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void A_hand_written_file_in_the_documented_format_is_read()
    {
        sandbox.WriteRaw($$"""{"format":"backend.ai-dotnet-logins","version":1,"logins":[{{ValidEntry}}]}""");

        var login = sandbox.NewStore().Load([WebA]);

        Assert.Equal("tasty-secret", login?.CookieValue);
        Assert.Equal("alice", login?.UserName);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"format\":\"backend.ai-dotnet-logins\",\"version\":1,\"logins\":[")]
    [InlineData("{\"format\":\"backend.ai-dotnet-logins\",\"version\":1}")]
    [InlineData("{\"format\":\"backend.ai-dotnet-logins\",\"version\":\"1\",\"logins\":[]}")]
    [InlineData("{\"format\":\"backend.ai-dotnet-logins\",\"version\":1,\"logins\":[],\"extra\":true}")]
    [InlineData("{\"format\":\"backend.ai-dotnet-logins\",\"version\":1,\"logins\":[{\"endpoints\":[]}]}")]
    [InlineData("{\"format\":\"backend.ai-dotnet-logins\",\"version\":1,\"logins\":null}")]
    [InlineData("[1, 2, 3]")]
    public void A_corrupt_file_is_refused_with_its_path_and_the_fix(string content)
    {
        sandbox.WriteRaw(content);
        var store = sandbox.NewStore();

        var error = Assert.Throws<LoginStoreException>(() => store.Load([WebA]));

        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
        Assert.Contains($"rm '{store.FilePath}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_another_program_is_refused_as_foreign()
    {
        sandbox.WriteRaw($$"""{"format":"cookie-jar","version":1,"logins":[{{ValidEntry}}]}""");

        var error = Assert.Throws<LoginStoreException>(() => sandbox.NewStore().Load([WebA]));

        Assert.Contains("not a Backend.AI .NET client login file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_another_version_is_refused_with_both_versions_named()
    {
        sandbox.WriteRaw($$"""{"format":"backend.ai-dotnet-logins","version":2,"logins":[{{ValidEntry}}]}""");

        var error = Assert.Throws<LoginStoreException>(() => sandbox.NewStore().Load([WebA]));

        Assert.Contains("version 2; this client reads version 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"cookieValue\":\"tasty-secret\"", "\"cookieValue\":\"tasty;secret\"", "cookie value")]
    [InlineData("\"cookieValue\":\"tasty-secret\"", "\"cookieValue\":\"\"", "cookie value")]
    [InlineData("\"cookieName\":\"AIOHTTP_SESSION\"", "\"cookieName\":\"A=B\"", "cookie name")]
    [InlineData("\"http://10.0.0.5:8090\"", "\"file:///etc/passwd\"", "canonical http")]
    [InlineData("\"http://10.0.0.5:8090\"", "\"HTTP://10.0.0.5:8090/\"", "canonical http")]
    public void A_login_entry_with_unusable_values_makes_the_file_untrusted(
        string field, string replacement, string why)
    {
        var entry = ValidEntry.Replace(field, replacement, StringComparison.Ordinal);
        sandbox.WriteRaw($$"""{"format":"backend.ai-dotnet-logins","version":1,"logins":[{{entry}}]}""");

        var error = Assert.Throws<LoginStoreException>(() => sandbox.NewStore().Load([WebB]));

        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tasty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_over_a_corrupt_file_is_refused_and_leaves_it_for_the_user_to_inspect()
    {
        sandbox.WriteRaw("{ broken");
        var store = sandbox.NewStore();

        Assert.Throws<LoginStoreException>(() => store.Save([WebA], Login()));

        Assert.Equal("{ broken", File.ReadAllText(store.FilePath));
    }

    [Fact]
    public void Deleting_from_a_corrupt_file_is_refused_too()
    {
        sandbox.WriteRaw("{ broken");

        Assert.Throws<LoginStoreException>(() => sandbox.NewStore().Delete([WebA]));
    }
}
