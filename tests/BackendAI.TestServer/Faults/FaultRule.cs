namespace BackendAI.TestServer.Faults;

/// <summary>One injected fault: what happens, to which paths, how many more times.</summary>
public sealed class FaultRule
{
    private readonly FaultInjector _owner;
    private int _remaining;
    private int _applied;

    internal FaultRule(FaultInjector owner, Fault fault, int? times, string? pathPrefix)
    {
        _owner = owner;
        Fault = fault;
        PathPrefix = pathPrefix;
        _remaining = times ?? -1;
    }

    /// <summary>Gets the fault.</summary>
    public Fault Fault { get; }

    /// <summary>Gets the path prefix the rule applies to, or null for every path.</summary>
    public string? PathPrefix { get; }

    /// <summary>Gets how many more requests the rule applies to; -1 when unlimited.</summary>
    public int Remaining => Volatile.Read(ref _remaining);

    /// <summary>Gets how many requests the rule has applied to.</summary>
    public int Applied => Volatile.Read(ref _applied);

    /// <summary>Stops applying the rule.</summary>
    public void Remove() => _owner.Remove(this);

    /// <summary>Claims one application for a request to <paramref name="path"/>.</summary>
    internal bool TryClaim(string path)
    {
        if (PathPrefix is not null && !path.StartsWith(PathPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        while (true)
        {
            int remaining = Volatile.Read(ref _remaining);
            if (remaining == 0)
            {
                return false;
            }

            if (remaining < 0 || Interlocked.CompareExchange(ref _remaining, remaining - 1, remaining) == remaining)
            {
                Interlocked.Increment(ref _applied);
                return true;
            }
        }
    }
}
