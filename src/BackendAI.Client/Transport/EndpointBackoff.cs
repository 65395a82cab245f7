namespace BackendAI.Client.Transport;

/// <summary>Describes how long a failed endpoint is left alone before it is probed again.</summary>
/// <remarks>
/// After the n-th consecutive failure an endpoint stays dead for <see cref="BaseDelay"/> × 2^(n−1), capped at
/// <see cref="MaxDelay"/>; that delay is then spread by up to ±<see cref="JitterFraction"/> so that many clients
/// do not return to a recovering server in step.
/// </remarks>
public sealed record EndpointBackoff
{
    private readonly TimeSpan baseDelay = TimeSpan.FromSeconds(1);
    private readonly TimeSpan maxDelay = TimeSpan.FromSeconds(60);
    private readonly double jitterFraction = 0.2;
    private readonly TimeSpan probeClaimTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Gets the default backoff: 1 s doubling to 60 s, ±20 % jitter, 30 s probe claim.</summary>
    public static EndpointBackoff Default { get; } = new();

    /// <summary>Gets the delay after the first failure. Defaults to 1 second; must be positive.</summary>
    public TimeSpan BaseDelay
    {
        get => baseDelay;
        init => baseDelay = RequirePositive(value, nameof(BaseDelay));
    }

    /// <summary>Gets the longest delay before jitter is added. Defaults to 60 seconds; must be positive.</summary>
    public TimeSpan MaxDelay
    {
        get => maxDelay;
        init => maxDelay = RequirePositive(value, nameof(MaxDelay));
    }

    /// <summary>
    /// Gets the largest relative deviation jitter may add or remove. Defaults to 0.2 (±20 %); must be at least 0
    /// and below 1.
    /// </summary>
    public double JitterFraction
    {
        get => jitterFraction;
        init
        {
            if (!(value >= 0 && value < 1))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(JitterFraction), value, $"{nameof(JitterFraction)} must be at least 0 and below 1.");
            }

            jitterFraction = value;
        }
    }

    /// <summary>
    /// Gets how long one request's claim to probe a recovering endpoint keeps other requests from probing it
    /// too. The claim ends earlier when the probe result is reported. Defaults to 30 seconds; must be positive.
    /// </summary>
    public TimeSpan ProbeClaimTimeout
    {
        get => probeClaimTimeout;
        init => probeClaimTimeout = RequirePositive(value, nameof(ProbeClaimTimeout));
    }

    /// <summary>Computes the dead time after the given number of consecutive failures.</summary>
    /// <param name="consecutiveFailures">The failures so far, counting the one just seen (1 or more).</param>
    /// <param name="unitSample">A uniform sample in [0, 1); 0.5 means no jitter.</param>
    internal TimeSpan DelayAfter(int consecutiveFailures, double unitSample)
    {
        // Doubling past 2^40 seconds exceeds any sensible cap, so the exponent is bounded before Math.Pow.
        var exponent = Math.Clamp(consecutiveFailures - 1, 0, 40);
        var uncapped = BaseDelay.Ticks * Math.Pow(2, exponent);
        var capped = Math.Min(uncapped, MaxDelay.Ticks);

        var factor = 1 + (JitterFraction * ((2 * unitSample) - 1));
        return TimeSpan.FromTicks((long)Math.Round(capped * factor));
    }

    private static TimeSpan RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
        }

        return value;
    }
}
