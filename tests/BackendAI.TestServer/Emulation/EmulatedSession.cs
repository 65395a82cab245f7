using System.Text;

namespace BackendAI.TestServer.Emulation;

/// <summary>A compute session of the emulated manager, with what its creation request asked for.</summary>
public sealed class EmulatedSession
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, CodeRun> runs = new(StringComparer.Ordinal);
    private readonly StringBuilder logs = new();

    internal EmulatedSession(string name, string image, string type, string domain, string group)
    {
        Name = name;
        Image = image;
        Type = type;
        Domain = domain;
        Group = group;
        logs.Append("Session ").Append(name).Append(" started with image ").Append(image).Append('\n');
    }

    /// <summary>Gets the session id (a UUID).</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>Gets the session name.</summary>
    public string Name { get; }

    /// <summary>Gets the image reference.</summary>
    public string Image { get; }

    /// <summary>Gets the session type (<c>interactive</c> or <c>batch</c>).</summary>
    public string Type { get; }

    /// <summary>Gets the domain the session was created in.</summary>
    public string Domain { get; }

    /// <summary>Gets the group (project) the session was created in.</summary>
    public string Group { get; }

    /// <summary>Gets the folder names of <c>config.mounts</c>, in the order received.</summary>
    public IReadOnlyList<string> Mounts { get; internal init; } = [];

    /// <summary>Gets <c>config.environ</c> as received.</summary>
    public IReadOnlyDictionary<string, string> Environ { get; internal init; } = new Dictionary<string, string>();

    /// <summary>Gets the whole creation body as received.</summary>
    public string CreationBody { get; internal init; } = "{}";

    /// <summary>Gets the status name (<c>PENDING</c>, <c>RUNNING</c>).</summary>
    public string Status { get; internal set; } = "RUNNING";

    /// <summary>Gets when the session was created.</summary>
    public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Gets how many times the session was restarted.</summary>
    public int RestartCount { get; private set; }

    /// <summary>Gets how many execute requests the session answered.</summary>
    public int QueriesExecuted { get; private set; }

    /// <summary>Gets the container log: a start line plus everything the code runs printed.</summary>
    public string Logs
    {
        get
        {
            lock (gate)
            {
                return logs.ToString();
            }
        }
    }

    internal void Restart()
    {
        lock (gate)
        {
            RestartCount++;
            runs.Clear();
            logs.Append("Session ").Append(Name).Append(" restarted\n");
        }
    }

    internal bool TryStartRun(string runId, CodeRun run)
    {
        lock (gate)
        {
            QueriesExecuted++;
            return runs.TryAdd(runId, run);
        }
    }

    internal CodeRun? FindRun(string runId)
    {
        lock (gate)
        {
            QueriesExecuted++;
            return runs.GetValueOrDefault(runId);
        }
    }

    internal void FinishRun(string runId)
    {
        lock (gate)
        {
            runs.Remove(runId);
        }
    }

    internal void AppendLog(string text)
    {
        lock (gate)
        {
            logs.Append(text);
        }
    }
}
