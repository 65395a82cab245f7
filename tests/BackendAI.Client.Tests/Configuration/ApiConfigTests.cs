using BackendAI.Client.Configuration;
using static BackendAI.Client.Tests.Configuration.ConfigFixture;

namespace BackendAI.Client.Tests.Configuration;

public sealed class ApiConfigTests
{
    private static readonly Dictionary<string, string> NoVariables = [];

    [Fact]
    public void Defaults_hold_exactly_the_nine_seed_keys_and_values()
    {
        var defaults = ApiConfig.Defaults;

        Assert.Equal(9, defaults.Count);
        Assert.Equal("10.0", defaults["connection_timeout"]);
        Assert.Equal("default", defaults["domain"]);
        Assert.Equal(string.Empty, defaults["endpoint"]);
        Assert.Equal("api", defaults["endpoint_type"]);
        Assert.Equal("default", defaults["group"]);
        Assert.Equal("sha256", defaults["hash_type"]);
        Assert.Equal("0", defaults["read_timeout"]);
        var map = defaults["storage_proxy_address_map"];
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(map));
        Assert.Equal("v8.20240315", defaults["version"]);
    }

    [Fact]
    public void Nothing_configured_gives_no_endpoint_and_the_defaults()
    {
        var config = Build(NoVariables);

        Assert.Null(config.Endpoint);
        Assert.Empty(config.Endpoints);
        Assert.Equal(EndpointType.Api, config.EndpointType);
        Assert.Equal(TimeSpan.FromSeconds(10), config.ConnectionTimeout);
        Assert.Equal(TimeSpan.Zero, config.ReadTimeout);
        Assert.Equal(LoadBalancingStrategy.Failover, config.LoadBalancing);
        Assert.StartsWith("Backend.AI Client for .NET ", config.UserAgent, StringComparison.Ordinal);
        Assert.True(config.IsAnonymous);
    }

    [Fact]
    public void ToString_shows_only_the_last_four_characters_of_a_long_secret_key()
    {
        var config = Build(new Dictionary<string, string>
        {
            ["BACKEND_ACCESS_KEY"] = "AKTESTKEY00000000000",
            ["BACKEND_SECRET_KEY"] = "test-secret-key-0123456789abcdefghijklmn",
        });

        var text = config.ToString();

        Assert.DoesNotContain("test-secret-key", text, StringComparison.Ordinal);
        Assert.Contains("****klmn", text, StringComparison.Ordinal);
        Assert.Contains("AKTESTKEY00000000000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_shows_nothing_of_a_short_secret_key()
    {
        var config = Build(new Dictionary<string, string>
        {
            ["BACKEND_ACCESS_KEY"] = "AK",
            ["BACKEND_SECRET_KEY"] = "shortvalue1",
        });

        Assert.DoesNotContain("lue1", config.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Session_mode_with_an_access_key_and_no_secret_key_is_accepted_and_not_anonymous()
    {
        var config = Build(new Dictionary<string, string>
        {
            ["BACKEND_ENDPOINT_TYPE"] = "session",
            ["BACKEND_ACCESS_KEY"] = "AK",
        });

        Assert.Equal(EndpointType.Session, config.EndpointType);
        Assert.False(config.IsAnonymous);
    }

    [Fact]
    public void An_explicit_empty_access_key_means_anonymous_even_when_the_variable_has_one()
    {
        var options = new ApiConfigOptions { AccessKey = string.Empty };

        var config = Build(Variable("BACKEND_ACCESS_KEY", "ENVAK"), options);

        Assert.True(config.IsAnonymous);
    }

    [Fact]
    public void Endpoints_are_shuffled_once_with_the_injected_randomness()
    {
        var variables = Variable("BACKEND_ENDPOINT", "http://h1,http://h2,http://h3,http://h4,http://h5");
        var configured = variables["BACKEND_ENDPOINT"].Split(',').Select(u => new Uri(u)).ToArray();
        var expectedOrder = configured.ToArray();
        new Random(42).Shuffle(expectedOrder);
        Assert.NotEqual(configured, expectedOrder);

        var options = new ApiConfigOptions { ShuffleEndpoints = true, ShuffleRandom = new Random(42) };

        var config = Build(variables, options);

        Assert.True(config.ShuffleEndpoints);
        Assert.Equal(expectedOrder, config.Endpoints);
        Assert.Equal(expectedOrder[0], config.Endpoint);
    }

    [Fact]
    public void The_shuffle_variable_can_keep_the_configured_order()
    {
        var variables = new Dictionary<string, string>
        {
            ["BACKEND_ENDPOINT"] = "http://h1,http://h2,http://h3,http://h4,http://h5,http://h6",
            ["BACKEND_ENDPOINT_SHUFFLE"] = "no",
        };
        var options = new ApiConfigOptions { ShuffleRandom = new Random(42) };

        var environment = ConfigurationEnvironment.FromVariables(variables, readDotEnvFile: false);

        var config = ApiConfig.Create(options, environment);

        Assert.False(config.ShuffleEndpoints);
        Assert.Equal(
            ["http://h1/", "http://h2/", "http://h3/", "http://h4/", "http://h5/", "http://h6/"],
            config.Endpoints.Select(u => u.AbsoluteUri));
    }

    [Theory]
    [InlineData("failover", LoadBalancingStrategy.Failover)]
    [InlineData("round_robin", LoadBalancingStrategy.RoundRobin)]
    [InlineData(" Lowest_Latency ", LoadBalancingStrategy.LowestLatency)]
    public void The_load_balancing_variable_chooses_the_strategy(string value, LoadBalancingStrategy expected)
    {
        Assert.Equal(expected, Build(Variable("SORNA_LOAD_BALANCING", value)).LoadBalancing);
    }

    [Fact]
    public void An_unknown_load_balancing_strategy_is_an_error_listing_the_strategies()
    {
        var error = Fails(Variable("BACKEND_LOAD_BALANCING", "random"));

        Assert.Contains("BACKEND_LOAD_BALANCING", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"random\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("round_robin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_timeout_argument_means_no_limit()
    {
        var options = new ApiConfigOptions
        {
            ConnectionTimeout = Timeout.InfiniteTimeSpan,
            ReadTimeout = Timeout.InfiniteTimeSpan,
        };

        var config = Build(NoVariables, options);

        Assert.Equal(TimeSpan.Zero, config.ConnectionTimeout);
        Assert.Equal(TimeSpan.Zero, config.ReadTimeout);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("3000000")]
    public void A_timeout_beyond_the_supported_range_is_an_error(string value)
    {
        var error = Fails(Variable("BACKEND_READ_TIMEOUT", value));

        Assert.Contains("BACKEND_READ_TIMEOUT", error.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{value}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoint_and_Endpoints_together_are_an_error()
    {
        var options = new ApiConfigOptions { Endpoint = "http://a", Endpoints = ["http://b"] };

        var error = Fails(NoVariables, options);

        Assert.Contains("Endpoints", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_options_after_the_build_does_not_change_the_configuration()
    {
        var options = new ApiConfigOptions
        {
            Endpoints = ["http://a"],
            VfolderMounts = ["m1"],
            StorageProxyAddressMap = new Dictionary<string, string> { ["k"] = "http://v" },
        };
        var config = Build(NoVariables, options);

        options.Endpoints.Add("http://b");
        options.VfolderMounts.Add("m2");
        options.StorageProxyAddressMap["k2"] = "http://v2";

        Assert.Single(config.Endpoints);
        Assert.Equal(["m1"], config.VfolderMounts);
        Assert.Single(config.StorageProxyAddressMap);
    }

    [Fact]
    public void A_user_agent_with_a_line_break_is_an_error()
    {
        var error = Fails(NoVariables, new ApiConfigOptions { UserAgent = "agent\r\nX-Injected: 1" });

        Assert.Contains("UserAgent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_version_with_an_impossible_date_is_an_error()
    {
        var error = Fails(Variable("BACKEND_VERSION", "v8.20241399"));

        Assert.Contains("\"v8.20241399\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_snapshot_answers_later_lookups()
    {
        var config = Build(
            new Dictionary<string, string> { ["BACKEND_USER"] = "alice", ["SORNA_STATE_DIR"] = "/tmp/s" });

        Assert.Equal("alice", config.Environment.GetEnv("user"));
        Assert.Equal("/tmp/s", config.Environment.GetEnv("state_dir"));
    }

    [Fact]
    public void GetEnv_applies_the_clean_function_to_the_default_too()
    {
        var environment = ConfigurationEnvironment.FromVariables(NoVariables, readDotEnvFile: false);

        Assert.Equal(7, environment.GetEnv("missing", "7", int.Parse));
    }

    [Fact]
    public void GetEnv_turns_a_failing_clean_function_into_a_configuration_error_naming_the_variable()
    {
        var environment = ConfigurationEnvironment.FromVariables(
            Variable("SORNA_RETRIES", "many"), readDotEnvFile: false);

        var error = Assert.Throws<ConfigurationException>(() => environment.GetEnv("retries", "1", int.Parse));

        Assert.Contains("SORNA_RETRIES", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"many\"", error.Message, StringComparison.Ordinal);
        Assert.IsType<FormatException>(error.InnerException);
    }
}
