using BackendAI.Client.Configuration;

namespace BackendAI.Client.Tests.Configuration;

public sealed class SignatureHashTypesTests
{
    [Fact]
    public void All_lists_the_twelve_hashes_the_manager_accepts()
    {
        Assert.Equal(
            ["md5", "sha1", "sha224", "sha256", "sha384", "sha512",
             "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s"],
            SignatureHashTypes.All);
    }

    [Theory]
    [InlineData("SHA3_256", "sha3_256")]
    [InlineData(" Blake2S ", "blake2s")]
    [InlineData("md5", "md5")]
    public void TryNormalize_accepts_any_case_and_returns_the_manager_spelling(string value, string expected)
    {
        Assert.True(SignatureHashTypes.TryNormalize(value, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("sha-256")]
    [InlineData("shake_128")]
    [InlineData("sha512_256")]
    [InlineData("")]
    public void TryNormalize_refuses_other_names(string value)
    {
        Assert.False(SignatureHashTypes.TryNormalize(value, out var normalized));
        Assert.Equal(string.Empty, normalized);
    }
}
