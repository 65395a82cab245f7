using BackendAI.Client.Configuration;

namespace BackendAI.Client.Tests.Configuration;

public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("abc", "****")]
    [InlineData("elevenchars", "****")]
    [InlineData("twelve-chars", "****hars")]
    [InlineData("test-secret-key-0123456789abcdefghijklmn", "****klmn")]
    public void Mask_shows_the_last_four_characters_only_of_secrets_of_twelve_or_more(string secret, string shown)
    {
        Assert.Equal(shown, SecretRedaction.Mask(secret));
    }
}
