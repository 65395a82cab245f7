using BackendAI.Client.Configuration;
using BackendAI.Client.Transport;
using Microsoft.Extensions.Time.Testing;
using static BackendAI.Client.Tests.Transport.EndpointPoolTestKit;

namespace BackendAI.Client.Tests.Transport;

public sealed class EndpointPoolValidationTests
{
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public void An_empty_pool_has_no_preferred_endpoint_and_yields_nothing()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock, []);

        Assert.Null(pool.Preferred);
        Assert.Empty(pool.BeginRequest().Drain());
    }

    [Fact]
    public void A_relative_or_non_http_endpoint_is_rejected_with_its_value_quoted()
    {
        var relative = Assert.Throws<ArgumentException>(
            () => Create(LoadBalancingStrategy.Failover, clock, [new Uri("api/v1", UriKind.Relative)]));
        var ftp = Assert.Throws<ArgumentException>(
            () => Create(LoadBalancingStrategy.Failover, clock, [new Uri("ftp://files.example/")]));

        Assert.Contains("'api/v1'", relative.Message, StringComparison.Ordinal);
        Assert.Contains("'ftp://files.example/'", ftp.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_repeated_endpoint_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new EndpointPool(null!, LoadBalancingStrategy.Failover));
        Assert.Throws<ArgumentException>(() => Create(LoadBalancingStrategy.Failover, clock, [A, null!]));
        var repeated = Assert.Throws<ArgumentException>(
            () => Create(LoadBalancingStrategy.Failover, clock, [A, B, A]));

        Assert.Contains(A.ToString(), repeated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_strategy_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Create((LoadBalancingStrategy)42, clock));
    }

    [Fact]
    public void Reports_about_an_endpoint_of_another_pool_or_with_a_negative_latency_are_rejected()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock);
        var stranger = Create(LoadBalancingStrategy.Failover, clock).Get(A);

        Assert.Throws<ArgumentException>(() => pool.ReportFailure(stranger));
        Assert.Throws<ArgumentNullException>(() => pool.ReportProbeResult(null!, alive: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.ReportSuccess(pool.Get(A), TimeSpan.FromTicks(-1)));
    }

    [Fact]
    public void An_endpoint_describes_its_health_in_its_text_form()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock);

        pool.ReportFailure(pool.Get(A));

        Assert.Equal("http://b.example:8081/ (alive)", pool.Get(B).ToString());
        Assert.Equal(
            "http://a.example:8081/ (dead until 2000-01-01T00:00:01.0000000+00:00, 1 consecutive failures)",
            pool.Get(A).ToString());
    }
}
