using BackendAI.Client.Configuration;
using BackendAI.Client.Tests.Support;

namespace BackendAI.Client.Tests.Configuration;

[Collection(ProcessStateGroup.Name)]
public sealed class ProcessWideConfigTests : IDisposable
{
    private readonly Func<ConfigurationEnvironment> _previousEnvironment = ApiConfig.ProcessEnvironment;
    private int _builds;

    public ProcessWideConfigTests()
    {
        ApiConfig.ProcessEnvironment = () =>
        {
            Interlocked.Increment(ref _builds);
            return ConfigurationEnvironment.FromVariables(
                new Dictionary<string, string> { ["BACKEND_DOMAIN"] = "process-wide" }, readDotEnvFile: false);
        };
        ApiConfig.SetConfig(null);
    }

    public void Dispose()
    {
        ApiConfig.ProcessEnvironment = _previousEnvironment;
        ApiConfig.SetConfig(null);
    }

    [Fact]
    public void Concurrent_first_reads_build_one_configuration_and_all_see_it()
    {
        const int readers = 16;
        var results = new ApiConfig[readers];
        using var start = new Barrier(readers);

        var threads = Enumerable.Range(0, readers).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            results[i] = ApiConfig.GetConfig();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(1, _builds);
        Assert.All(results, result => Assert.Same(results[0], result));
        Assert.Equal("process-wide", results[0].Domain);
    }

    [Fact]
    public void SetConfig_replaces_the_process_wide_configuration()
    {
        var mine = ApiConfig.Create(
            new ApiConfigOptions { Domain = "mine" },
            ConfigurationEnvironment.FromVariables(new Dictionary<string, string>(), readDotEnvFile: false));

        ApiConfig.SetConfig(mine);

        Assert.Same(mine, ApiConfig.GetConfig());
        Assert.Equal(0, _builds);
    }

    [Fact]
    public void SetConfig_null_makes_the_next_read_build_afresh()
    {
        var first = ApiConfig.GetConfig();

        ApiConfig.SetConfig(null);
        var second = ApiConfig.GetConfig();

        Assert.NotSame(first, second);
        Assert.Equal(2, _builds);
    }

    [Fact]
    public void A_failed_build_is_not_remembered()
    {
        var fail = true;
        ApiConfig.ProcessEnvironment = () => ConfigurationEnvironment.FromVariables(
            new Dictionary<string, string> { ["BACKEND_ENDPOINT_TYPE"] = fail ? "web" : "session" },
            readDotEnvFile: false);

        Assert.Throws<ConfigurationException>(ApiConfig.GetConfig);
        fail = false;

        Assert.Equal(EndpointType.Session, ApiConfig.GetConfig().EndpointType);
    }
}
