namespace BackendAI.Cli.Tests.Commands;

/// <summary>How one in-process run of the command line is set up.</summary>
/// <param name="Terminal">Whether standard output counts as a terminal.</param>
/// <param name="Output">A replacement for the captured standard output.</param>
/// <param name="CancellationToken">Cancels the run.</param>
internal sealed record CliRunSettings(
    bool Terminal = false, TextWriter? Output = null, CancellationToken CancellationToken = default);
