namespace BackendAI.Client.Transport;

/// <summary>Raised inside the HTTP stack when it tries to send a guarded request a second time.</summary>
internal sealed class RepeatedSendException : IOException
{
    public RepeatedSendException()
        : base("The HTTP stack tried to resend a request that must not be sent twice.")
    {
    }

    public RepeatedSendException(string message)
        : base(message)
    {
    }

    public RepeatedSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
