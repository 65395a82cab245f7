namespace BackendAI.TestServer.Faults;

/// <summary>The faults of one server instance, settable while it runs. The first matching rule applies.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private FaultRule[] _rules = [];

    /// <summary>Gets the rules in the order they are tried.</summary>
    public IReadOnlyList<FaultRule> Rules => Volatile.Read(ref _rules);

    /// <summary>Adds a fault.</summary>
    /// <param name="fault">What happens.</param>
    /// <param name="times">How many requests it applies to; null for every request until removed.</param>
    /// <param name="pathPrefix">Only requests whose path starts with this (ordinal); null for every path.</param>
    /// <returns>The rule, which can be removed and tells how often it applied.</returns>
    public FaultRule Inject(Fault fault, int? times = null, string? pathPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(times ?? 0, nameof(times));
        var rule = new FaultRule(this, fault, times, pathPrefix);
        lock (_gate)
        {
            _rules = [.. _rules, rule];
        }

        return rule;
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules = [];
        }
    }

    internal void Remove(FaultRule rule)
    {
        lock (_gate)
        {
            _rules = [.. _rules.Where(r => r != rule)];
        }
    }

    /// <summary>Claims the fault that applies to a request to <paramref name="path"/>, if any.</summary>
    internal Fault? TakeFor(string path)
    {
        foreach (FaultRule rule in Volatile.Read(ref _rules))
        {
            if (rule.TryClaim(path))
            {
                return rule.Fault;
            }
        }

        return null;
    }
}
