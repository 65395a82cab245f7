namespace BackendAI.Client.Configuration;

/// <content>The process-wide configuration (the seed's <c>get_config</c> and <c>set_config</c>).</content>
public sealed partial class ApiConfig
{
    private static readonly Lock ProcessWideLock = new();

    private static ApiConfig? _processWide;

    /// <summary>
    /// Gets or sets where <see cref="GetConfig"/> reads the environment; tests replace it so that they need not
    /// change the real process environment or working directory.
    /// </summary>
    internal static Func<ConfigurationEnvironment> ProcessEnvironment { get; set; } =
        static () => ConfigurationEnvironment.FromProcess();

    /// <summary>
    /// Returns the process-wide configuration, building it from the process environment and <c>.env</c>
    /// file on first use (thread-safe; a failed build is not remembered and is retried next time).
    /// </summary>
    /// <returns>The process-wide configuration.</returns>
    /// <exception cref="ConfigurationException">The environment holds a value that cannot be accepted.</exception>
    public static ApiConfig GetConfig()
    {
        var current = Volatile.Read(ref _processWide);
        if (current is not null)
        {
            return current;
        }

        lock (ProcessWideLock)
        {
            current = _processWide;
            if (current is null)
            {
                current = new ApiConfig(new ApiConfigOptions(), ProcessEnvironment());
                Volatile.Write(ref _processWide, current);
            }

            return current;
        }
    }

    /// <summary>
    /// Replaces the process-wide configuration; null makes the next <see cref="GetConfig"/> build a new one.
    /// Clients already built keep the configuration they were built with.
    /// </summary>
    /// <param name="config">The new configuration, or null.</param>
    public static void SetConfig(ApiConfig? config)
    {
        lock (ProcessWideLock)
        {
            Volatile.Write(ref _processWide, config);
        }
    }
}
