using System.Text.Json;

namespace BackendAI.Client.Functions.Sessions;

/// <summary>The answer to one code-execution request.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="Status">
/// <c>finished</c>, or <c>continued</c> when more output follows (ask again with the continue mode),
/// <c>waiting-input</c>, <c>build-finished</c>, <c>clean-finished</c>.
/// </param>
/// <param name="Console">The output items in order: (<c>stdout</c>|<c>stderr</c>|<c>media</c>|…, text).</param>
/// <param name="ExitCode">The exit code once finished; null before.</param>
/// <param name="Options">Extra options the kernel returned.</param>
public sealed record ExecutionResult(
    string RunId, string Status, IReadOnlyList<ConsoleItem> Console, int? ExitCode, JsonElement? Options)
{
    /// <summary>Gets a value indicating whether the run is over.</summary>
    public bool IsFinished => Status is "finished" or "build-finished" or "clean-finished";
}
