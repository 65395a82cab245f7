namespace BackendAI.Cli.Prompting;

/// <summary>
/// Prompts on the terminal: the prompt goes to standard error (standard output stays the command's result), the
/// answer comes from the keyboard. Secrets are read key by key with echo off. Without a terminal (standard input
/// redirected) it refuses rather than read a password from a pipe that was not meant for it.
/// </summary>
internal sealed class ConsolePrompter : IPrompter
{
    /// <inheritdoc />
    public string ReadLine(string prompt)
    {
        EnsureTerminal(prompt);
        Console.Error.Write(prompt);
        return Console.ReadLine()
            ?? throw new PromptException($"The input ended before an answer to '{prompt.Trim()}'.");
    }

    /// <inheritdoc />
    public string ReadSecret(string prompt)
    {
        EnsureTerminal(prompt);
        Console.Error.Write(prompt);
        try
        {
            return SecretLineReader.Read(static () => Console.ReadKey(intercept: true));
        }
        finally
        {
            // The Enter key was not echoed either: end the prompt's line.
            Console.Error.WriteLine();
        }
    }

    /// <inheritdoc />
    public string? ReadStandardInputLine() => Console.In.ReadLine();

    private static void EnsureTerminal(string prompt)
    {
        if (Console.IsInputRedirected)
        {
            throw new PromptException(
                $"Cannot ask '{prompt.Trim()}': standard input is not a terminal. "
                + "Give the value with an option or an environment variable instead (see --help).");
        }
    }
}
