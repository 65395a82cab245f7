namespace BackendAI.Cli;

/// <summary>The process exit codes of the tool.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    internal const int Success = 0;

    /// <summary>
    /// The command failed for a reason other than the configuration, or its arguments were wrong.
    /// </summary>
    internal const int Failure = 1;

    /// <summary>The configuration (environment, .env file) holds a value that cannot be accepted.</summary>
    internal const int ConfigurationError = 2;
}
