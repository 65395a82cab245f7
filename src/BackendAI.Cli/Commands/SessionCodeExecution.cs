using BackendAI.Client;
using BackendAI.Client.Functions.Sessions;

namespace BackendAI.Cli.Commands;

/// <summary>Runs code in a session to its end and turns the outcome into the exit code to leave with.</summary>
internal static class SessionCodeExecution
{
    /// <summary>Runs <paramref name="code"/>, passing its output to <paramref name="writer"/> as it arrives.</summary>
    /// <param name="client">The open client.</param>
    /// <param name="session">The session's name.</param>
    /// <param name="code">The code.</param>
    /// <param name="writer">Receives the console output.</param>
    /// <param name="cancellationToken">Stops waiting for output (the code keeps running in the session).</param>
    /// <returns>
    /// The final answer and the process exit code: the code's own when it fits 0–255, 1 for any other
    /// non-zero code (so 256 never reads as success), 0 when the manager gave none.
    /// </returns>
    /// <exception cref="BackendAIException">The code waits for input, which the command cannot give.</exception>
    public static async Task<(ExecutionResult Result, int ExitCode)> RunAsync(
        BackendAIClient client, string session, string code, SessionConsoleWriter writer,
        CancellationToken cancellationToken)
    {
        var result = await client.Sessions.RunAsync(session, code, writer.Write, cancellationToken);
        if (!result.IsFinished)
        {
            throw new BackendAIException(
                $"The code in session '{session}' stopped with status '{result.Status}' (it waits for input, "
                + "which this command cannot give).");
        }

        var exitCode = result.ExitCode ?? 0;
        return (result, exitCode is >= 0 and <= 255 ? exitCode : 1);
    }
}
