using BackendAI.Client.Configuration;
using BackendAI.Client.Tests.Support;
using static BackendAI.Client.Tests.Configuration.ConfigFixture;

namespace BackendAI.Client.Tests.Configuration;

/// <summary>The inputs listed in issue 2 ("Inputs that must behave").</summary>
public sealed class IssueInputTests
{
    [Fact]
    public void Two_comma_separated_endpoints_with_a_space_give_two_endpoints()
    {
        var config = Build(Variable("BACKEND_ENDPOINT", "http://127.0.0.1:18081, http://127.0.0.1:18082"));

        Assert.Equal([new Uri("http://127.0.0.1:18081"), new Uri("http://127.0.0.1:18082")], config.Endpoints);
        Assert.Equal(new Uri("http://127.0.0.1:18081"), config.Endpoint);
    }

    [Fact]
    public void A_trailing_comma_gives_one_endpoint()
    {
        var config = Build(Variable("BACKEND_ENDPOINT", "http://127.0.0.1:18081,"));

        Assert.Equal([new Uri("http://127.0.0.1:18081")], config.Endpoints);
    }

    [Fact]
    public void An_endpoint_without_a_scheme_is_an_error_naming_the_variable_and_quoting_the_entry()
    {
        var error = Fails(Variable("BACKEND_ENDPOINT", "127.0.0.1:18081"));

        Assert.Contains("BACKEND_ENDPOINT", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"127.0.0.1:18081\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_with_credentials_is_an_error_that_does_not_echo_the_password()
    {
        var error = Fails(Variable("BACKEND_ENDPOINT", "http://user:pw@127.0.0.1:18081"));

        Assert.Contains("BACKEND_ENDPOINT", error.Message, StringComparison.Ordinal);
        Assert.Contains("credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("user:pw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_endpoints_from_code_is_accepted()
    {
        var options = new ApiConfigOptions { Endpoints = ["http://127.0.0.1:18081", "https://api.example.test/"] };

        var config = Build(new Dictionary<string, string>(), options);

        Assert.Equal([new Uri("http://127.0.0.1:18081"), new Uri("https://api.example.test/")], config.Endpoints);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData("N", false)]
    [InlineData("f", false)]
    [InlineData("", false)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("Y", true)]
    [InlineData("t", true)]
    [InlineData(" yes ", true)]
    public void The_certificate_switch_reads_yes_and_no_words(string value, bool expected)
    {
        var config = Build(Variable("BACKEND_SKIP_SSLCERT_VALIDATION", value));

        Assert.Equal(expected, config.SkipSslCertValidation);
    }

    [Fact]
    public void The_certificate_switch_is_off_when_unset()
    {
        Assert.False(Build(new Dictionary<string, string>()).SkipSslCertValidation);
    }

    [Fact]
    public void The_certificate_switch_rejects_on_naming_the_variable()
    {
        var error = Fails(Variable("BACKEND_SKIP_SSLCERT_VALIDATION", "on"));

        Assert.Contains("BACKEND_SKIP_SSLCERT_VALIDATION", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"on\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("yes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_false_beats_a_yes_in_the_variable()
    {
        var options = new ApiConfigOptions { SkipSslCertValidation = false };

        var config = Build(Variable("BACKEND_SKIP_SSLCERT_VALIDATION", "yes"), options);

        Assert.False(config.SkipSslCertValidation);
    }

    [Fact]
    public void Mounts_from_the_argument_come_first_then_the_variable_without_duplicates()
    {
        var options = new ApiConfigOptions { VfolderMounts = ["data3"] };

        var config = Build(Variable("BACKEND_VFOLDER_MOUNTS", "data1, data2,,data1"), options);

        Assert.Equal(["data3", "data1", "data2"], config.VfolderMounts);
    }

    [Fact]
    public void The_storage_proxy_map_keeps_a_key_with_a_colon()
    {
        var config = Build(
            Variable("BACKEND_OVERRIDE_STORAGE_PROXY", "local:volume1=http://sp1:6021, nfs=https://sp2:6021"));

        Assert.Equal(2, config.StorageProxyAddressMap.Count);
        Assert.Equal("http://sp1:6021", config.StorageProxyAddressMap["local:volume1"]);
        Assert.Equal("https://sp2:6021", config.StorageProxyAddressMap["nfs"]);
    }

    [Fact]
    public void A_storage_proxy_entry_without_equals_is_an_error_quoting_it()
    {
        var error = Fails(Variable("BACKEND_OVERRIDE_STORAGE_PROXY", "bogus"));

        Assert.Contains("BACKEND_OVERRIDE_STORAGE_PROXY", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"bogus\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeout_is_read_in_the_invariant_culture_under_a_german_culture()
    {
        using var culture = new CultureScope("de-DE");

        var config = Build(Variable("BACKEND_CONNECTION_TIMEOUT", "2.5"));

        Assert.Equal(TimeSpan.FromSeconds(2.5), config.ConnectionTimeout);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("abc")]
    public void A_bad_timeout_is_an_error_naming_the_variable(string value)
    {
        var error = Fails(Variable("BACKEND_CONNECTION_TIMEOUT", value));

        Assert.Contains("BACKEND_CONNECTION_TIMEOUT", error.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{value}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_endpoint_type_beats_the_variable()
    {
        var options = new ApiConfigOptions { EndpointType = EndpointType.Api };

        var config = Build(Variable("BACKEND_ENDPOINT_TYPE", "session"), options);

        Assert.Equal(EndpointType.Api, config.EndpointType);
    }

    [Fact]
    public void An_unknown_endpoint_type_is_an_error_listing_the_accepted_ones()
    {
        var error = Fails(Variable("BACKEND_ENDPOINT_TYPE", "web"));

        Assert.Contains("BACKEND_ENDPOINT_TYPE", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"web\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("session", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_access_key_without_a_secret_key_is_an_error_naming_the_secret_variable()
    {
        var error = Fails(Variable("BACKEND_ACCESS_KEY", "AKTESTKEY00000000000"));

        Assert.Contains("BACKEND_SECRET_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_access_key_variable_means_anonymous()
    {
        var config = Build(Variable("BACKEND_ACCESS_KEY", string.Empty));

        Assert.True(config.IsAnonymous);
    }
}
