using BackendAI.Client.Functions.VFolders;

namespace BackendAI.Client.Tests.Functions;

public sealed class StorageProxyAddressMapperTests
{
    private const string Base = "http://storage-internal:6021";
    private const string HandedOut = Base + "/upload";

    [Theory]
    [InlineData(Base, "https://files.example.com", "https://files.example.com/upload?x=1")]
    [InlineData("HTTP://Storage-Internal:6021/",
        "https://files.example.com/", "https://files.example.com/upload?x=1")]
    [InlineData(Base, "https://gw.example.com/proxy/", "https://gw.example.com/proxy/upload?x=1")]
    [InlineData(HandedOut + "?x=1", "https://files.example.com/in", "https://files.example.com/in")]
    public void A_matching_entry_rewrites_the_url(string key, string value, string expected)
    {
        var mapped = StorageProxyAddressMapper.Map(HandedOut + "?x=1", Map((key, value), ("junk", "x")));

        Assert.Equal(expected, mapped.AbsoluteUri);
    }

    [Fact]
    public void An_exact_entry_matches_the_whole_url_only()
    {
        var map = Map((HandedOut, "https://files.example.com/in"));

        Assert.Equal(new Uri("https://files.example.com/in"), StorageProxyAddressMapper.Map(HandedOut, map));
        Assert.Throws<BackendAIException>(
            () => StorageProxyAddressMapper.Map("http://storage-internal:6021/UPLOAD", map));
    }

    [Fact]
    public void The_port_is_part_of_the_match()
    {
        var error = Assert.Throws<BackendAIException>(() => StorageProxyAddressMapper.Map(
            HandedOut, Map(("http://storage-internal:6022", "https://files.example.com"))));

        Assert.Contains($"'{HandedOut}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://storage-internal:6022=https://files.example.com", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_that_are_not_urls_match_nothing()
    {
        Assert.Throws<BackendAIException>(
            () => StorageProxyAddressMapper.Map(HandedOut, Map(("storage-internal", "https://x.example.com"))));
    }

    [Fact]
    public void An_empty_map_keeps_the_handed_out_url()
    {
        Assert.Equal(new Uri(HandedOut), StorageProxyAddressMapper.Map(HandedOut, Map()));
    }

    [Fact]
    public void A_target_that_is_not_an_http_url_is_reported_with_key_and_value()
    {
        var error = Assert.Throws<BackendAIException>(() => StorageProxyAddressMapper.Map(
            HandedOut, Map(("http://storage-internal:6021", "ftp://files.example.com"))));

        Assert.Contains("'http://storage-internal:6021'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'ftp://files.example.com'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handed_out_address_that_is_not_an_http_url_is_a_protocol_error()
    {
        var error = Assert.Throws<BackendAIProtocolException>(
            () => StorageProxyAddressMapper.Map("storage-internal:6021/upload", Map()));

        Assert.Contains("'storage-internal:6021/upload'", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Map(params (string Key, string Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
