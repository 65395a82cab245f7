namespace BackendAI.TestServer.Recording;

/// <summary>Every request the server received, in arrival order.</summary>
public sealed class RequestRecorder
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>Gets a snapshot of the recorded requests.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Gets the number of recorded requests.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>Gets the most recent request.</summary>
    /// <exception cref="InvalidOperationException">Nothing was recorded.</exception>
    public RecordedRequest Last
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count > 0
                    ? _requests[^1]
                    : throw new InvalidOperationException("The server has not received any request.");
            }
        }
    }

    /// <summary>Forgets every recorded request.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    internal void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }
}
