using BackendAI.Cli.Prompting;

namespace BackendAI.Cli.Tests;

/// <summary>
/// Answers prompts from a script, in order, and records every prompt with whether it was asked without echo.
/// A prompt with no scripted answer left fails as a terminal-less console does.
/// </summary>
internal sealed class ScriptedPrompter : IPrompter
{
    private readonly Queue<string> _answers = new();

    public ScriptedPrompter(params string[] answers)
    {
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }
    }

    /// <summary>Gets or sets what standard input holds for --password-stdin (null: empty input).</summary>
    public string? StandardInput { get; set; }

    /// <summary>Gets the prompts shown, in order, each with whether the answer was hidden.</summary>
    public List<(string Prompt, bool Secret)> Prompts { get; } = [];

    public string ReadLine(string prompt) => Answer(prompt, secret: false);

    public string ReadSecret(string prompt) => Answer(prompt, secret: true);

    public string? ReadStandardInputLine() => StandardInput;

    private string Answer(string prompt, bool secret)
    {
        Prompts.Add((prompt, secret));
        return _answers.TryDequeue(out var answer)
            ? answer
            : throw new PromptException($"Cannot ask '{prompt.Trim()}': no terminal in this test.");
    }
}
