using BackendAI.Cli.Prompting;
using BackendAI.Client.Configuration;

namespace BackendAI.Cli.Commands;

/// <summary>Finds the user name and passwords for the login commands: options, variables, then prompts.</summary>
internal static class LoginPrompts
{
    /// <summary>
    /// The user name: <paramref name="option"/> (<c>--user</c>), else <c>BACKEND_USER</c>, else a prompt.
    /// </summary>
    /// <exception cref="PromptException">The prompt could not be answered, or the answer is empty.</exception>
    internal static string ResolveUser(string? option, ApiConfig config, IPrompter prompter) =>
        FromSetting(option) ?? FromSetting(config.Environment.GetEnv("user", string.Empty))
        ?? Required(prompter.ReadLine("User name: ").Trim(), "user name");

    /// <summary>Reads a secret with the given prompt; an empty answer is refused.</summary>
    /// <exception cref="PromptException">The prompt could not be answered, or the answer is empty.</exception>
    internal static string ReadSecret(IPrompter prompter, string prompt, string what) =>
        Required(prompter.ReadSecret(prompt), what);

    /// <summary>Returns <paramref name="answer"/>, or throws when it is empty.</summary>
    /// <exception cref="PromptException">The answer is empty.</exception>
    internal static string Required(string answer, string what) =>
        answer.Length > 0 ? answer : throw new PromptException($"No {what} was given.");

    private static string? FromSetting(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
