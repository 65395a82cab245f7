using System.Collections.Concurrent;
using BackendAI.Client.Configuration;
using BackendAI.Client.Transport;
using Microsoft.Extensions.Time.Testing;
using static BackendAI.Client.Tests.Transport.EndpointPoolTestKit;

namespace BackendAI.Client.Tests.Transport;

public sealed class EndpointPoolConcurrencyTests
{
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public void Many_threads_failing_the_preferred_endpoint_at_once_count_one_failure_and_move_the_preference_once()
    {
        var pool = Create(LoadBalancingStrategy.Failover, clock);
        var a = pool.Get(A);

        var deaths = 0;

        RunOnThreads(32, _ =>
        {
            if (pool.ReportFailure(a))
            {
                Interlocked.Increment(ref deaths);
            }
        });

        Assert.Equal(1, deaths);
        Assert.Equal(1, a.ConsecutiveFailures);
        Assert.Equal(B, pool.Preferred);
        Assert.True(pool.Get(B).IsAlive);
    }

    [Fact]
    public void Concurrent_round_robin_requests_start_evenly_on_every_endpoint()
    {
        var pool = Create(LoadBalancingStrategy.RoundRobin, clock);
        var starts = new ConcurrentDictionary<Uri, int>();

        RunOnThreads(16, _ =>
        {
            for (var i = 0; i < 300; i++)
            {
                starts.AddOrUpdate(pool.BeginRequest().NextUri(), 1, (_, n) => n + 1);
            }
        });

        Assert.Equal(1600, starts[A]);
        Assert.Equal(1600, starts[B]);
        Assert.Equal(1600, starts[C]);
    }

    [Fact]
    public void Concurrent_probe_claims_hand_a_recovering_endpoint_to_exactly_one_request()
    {
        var pool = Create(LoadBalancingStrategy.LowestLatency, clock);
        pool.ReportFailure(pool.Get(C));
        clock.Advance(TimeSpan.FromSeconds(1));
        var probers = 0;

        RunOnThreads(24, _ =>
        {
            if (pool.BeginRequest().NextUri() == C)
            {
                Interlocked.Increment(ref probers);
            }
        });

        Assert.Equal(1, probers);
    }

    [Theory]
    [InlineData(LoadBalancingStrategy.Failover)]
    [InlineData(LoadBalancingStrategy.RoundRobin)]
    [InlineData(LoadBalancingStrategy.LowestLatency)]
    public void Threads_walking_and_reporting_at_once_never_see_an_endpoint_twice_or_a_torn_state(
        LoadBalancingStrategy strategy)
    {
        var endpoints = Enumerable.Range(0, 5).Select(i => new Uri($"http://e{i}.example/")).ToArray();
        var pool = new EndpointPool(endpoints, strategy, clock, new Random(7));
        var violations = new ConcurrentQueue<string>();
        var samples = new ConcurrentBag<TimeSpan>();

        RunOnThreads(32, thread =>
        {
            var random = new Random(thread);
            for (var request = 0; request < 400; request++)
            {
                WalkOneRequest(pool, random, samples, violations);
                if (thread == 0 && request % 20 == 0)
                {
                    clock.Advance(TimeSpan.FromMilliseconds(700));
                }

                CheckSnapshots(pool, violations);
            }
        });

        CheckSnapshots(pool, violations);
        Assert.Empty(violations);
        foreach (var endpoint in pool.Endpoints.Where(e => e.AverageLatency is not null))
        {
            Assert.InRange(endpoint.AverageLatency!.Value, samples.Min(), samples.Max());
        }
    }

    private static void WalkOneRequest(
        EndpointPool pool, Random random, ConcurrentBag<TimeSpan> samples, ConcurrentQueue<string> violations)
    {
        var seen = new HashSet<Uri>();
        var cursor = pool.BeginRequest();
        while (cursor.TryNext(out var endpoint))
        {
            if (!seen.Add(endpoint.Uri))
            {
                violations.Enqueue($"{endpoint.Uri} was yielded twice to one request.");
            }

            var outcome = random.Next(4);
            if (endpoint.NeedsProbe)
            {
                pool.ReportProbeResult(endpoint, alive: outcome > 0);
                if (outcome == 0)
                {
                    continue;
                }
            }

            if (outcome < 2)
            {
                pool.ReportFailure(endpoint);
                continue;
            }

            var latency = TimeSpan.FromMilliseconds(random.Next(1, 200));
            samples.Add(latency);
            pool.ReportSuccess(endpoint, latency);
            return;
        }
    }

    private static void CheckSnapshots(EndpointPool pool, ConcurrentQueue<string> violations)
    {
        foreach (var endpoint in pool.Endpoints)
        {
            var state = endpoint.State;
            var consistent = state.IsAlive
                ? state.DeadUntil is null && state.ConsecutiveFailures == 0 && state.ProbeClaimExpires is null
                : state.DeadUntil is not null && state.ConsecutiveFailures >= 1 && state.LastFailureAt is not null;
            if (!consistent)
            {
                violations.Enqueue($"{endpoint.Uri} has an inconsistent state: {state}");
            }
        }

        if (pool.Strategy == LoadBalancingStrategy.Failover && pool.PreferredIndex >= pool.Endpoints.Count)
        {
            violations.Enqueue($"The preferred index {pool.PreferredIndex} is out of range.");
        }
    }

    private static void RunOnThreads(int count, Action<int> body)
    {
        using var start = new Barrier(count);
        var errors = new ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                body(i);
            }
            catch (Exception ex)
            {
                errors.Enqueue(ex);
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(errors);
    }
}
