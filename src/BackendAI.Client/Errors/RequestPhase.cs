namespace BackendAI.Client;

/// <summary>Where in its life a request attempt failed.</summary>
public enum RequestPhase
{
    /// <summary>Opening the connection (name resolution, TCP, TLS): nothing reached the server.</summary>
    Connect,

    /// <summary>Writing the request: some bytes may have reached the server.</summary>
    Send,

    /// <summary>Waiting for or reading the response: the server has the whole request.</summary>
    Read,
}
