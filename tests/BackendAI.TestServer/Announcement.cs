namespace BackendAI.TestServer;

/// <summary>The announcement <c>GET /manager/announcement</c> serves; settable while the server runs.</summary>
public sealed class Announcement
{
    private volatile Snapshot _current = new(false, "");

    /// <summary>Gets a value indicating whether the announcement is enabled. Default: false.</summary>
    public bool Enabled => _current.Enabled;

    /// <summary>Gets the announcement text. Default: empty.</summary>
    public string Message => _current.Message;

    /// <summary>Sets both fields at once.</summary>
    public void Set(bool enabled, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _current = new Snapshot(enabled, message);
    }

    internal (bool Enabled, string Message) Read()
    {
        Snapshot snapshot = _current;
        return (snapshot.Enabled, snapshot.Message);
    }

    private sealed record Snapshot(bool Enabled, string Message);
}
