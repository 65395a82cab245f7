namespace BackendAI.Client.Transport;

/// <summary>Marks a failure to open the TCP connection: the request never left the client.</summary>
internal sealed class ConnectFailedException : IOException
{
    public ConnectFailedException()
    {
    }

    public ConnectFailedException(string message)
        : base(message)
    {
    }

    public ConnectFailedException(Exception innerException)
        : base(innerException.Message, innerException)
    {
    }

    public ConnectFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
