using System.Text;
using BackendAI.Client.Configuration;
using Microsoft.Extensions.Configuration;

namespace BackendAI.Client.Tests.Robustness;

/// <summary>appsettings.json values that bind to something other than what was written (issue 2).</summary>
public sealed class BindingRobustnessTests
{
    [Fact]
    public void A_storage_proxy_map_written_as_an_array_is_rejected_rather_than_keyed_by_position()
    {
        var configuration = Load("""{ "BackendAI": { "StorageProxyAddressMap": [ "http://sp:6021=http://a" ] } }""");

        ApiConfigOptions options;
        try
        {
            options = configuration.GetApiConfigOptions();
        }
        catch (ConfigurationException)
        {
            return;
        }

        Assert.DoesNotContain("0", options.StorageProxyAddressMap?.Keys ?? []);
    }

    [Fact]
    public void A_negative_connection_timeout_in_hh_mm_ss_form_is_rejected_not_read_as_no_limit()
    {
        var configuration = Load("""{ "BackendAI": { "ConnectionTimeout": "-00:00:00.001" } }""");

        var error = Assert.Throws<ConfigurationException>(() => configuration.GetApiConfigOptions());

        Assert.Contains("ConnectionTimeout", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Load(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
}
