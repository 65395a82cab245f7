namespace BackendAI.Cli.Prompting;

/// <summary>
/// Asks the user for input. The tool uses the console; tests inject a scripted implementation.
/// </summary>
internal interface IPrompter
{
    /// <summary>Shows <paramref name="prompt"/> and reads one line with the typed characters shown.</summary>
    /// <param name="prompt">The text shown before the cursor, for example <c>User name: </c>.</param>
    /// <returns>The line, without its line ending.</returns>
    /// <exception cref="PromptException">There is no terminal to ask, or the input ended.</exception>
    string ReadLine(string prompt);

    /// <summary>Shows <paramref name="prompt"/> and reads one line without showing the typed characters.</summary>
    /// <param name="prompt">The text shown before the cursor, for example <c>Password: </c>.</param>
    /// <returns>The line, without its line ending.</returns>
    /// <exception cref="PromptException">There is no terminal to ask, or the input ended.</exception>
    string ReadSecret(string prompt);

    /// <summary>Reads the first line of standard input (for <c>--password-stdin</c>), without prompting.</summary>
    /// <returns>The line without its line ending, or <see langword="null"/> when the input is empty.</returns>
    string? ReadStandardInputLine();
}
