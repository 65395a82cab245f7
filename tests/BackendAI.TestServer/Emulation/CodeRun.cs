namespace BackendAI.TestServer.Emulation;

/// <summary>One simulated run of code: console output split into polls, and the exit code at the end.</summary>
internal sealed class CodeRun
{
    private readonly Queue<IReadOnlyList<(string Stream, string Text)>> polls;

    public CodeRun(IEnumerable<IReadOnlyList<(string Stream, string Text)>> polls, int exitCode)
    {
        this.polls = new Queue<IReadOnlyList<(string Stream, string Text)>>(polls);
        ExitCode = exitCode;
    }

    public int ExitCode { get; }

    /// <summary>Takes the next poll's output; <paramref name="finished"/> tells whether it was the last one.</summary>
    public IReadOnlyList<(string Stream, string Text)> NextPoll(out bool finished)
    {
        lock (polls)
        {
            var output = polls.Count > 0 ? polls.Dequeue() : [];
            finished = polls.Count == 0;
            return output;
        }
    }
}
