namespace BackendAI.Client;

/// <summary>Why a request attempt failed, as far as the transport can tell.</summary>
public enum TransportFailure
{
    /// <summary>The endpoint refused the connection.</summary>
    ConnectionRefused,

    /// <summary>The endpoint's host name did not resolve.</summary>
    NameResolution,

    /// <summary>The connection did not open within the connection timeout.</summary>
    ConnectTimeout,

    /// <summary>The TLS handshake failed, for example because the certificate did not validate.</summary>
    Tls,

    /// <summary>The connection was reset or closed before a complete answer arrived.</summary>
    ConnectionLost,

    /// <summary>No response byte arrived within the read timeout.</summary>
    ReadTimeout,

    /// <summary>The server's answer was not valid HTTP.</summary>
    InvalidResponse,

    /// <summary>The endpoint answered 502, 503 or 504.</summary>
    Unavailable,

    /// <summary>The endpoint was skipped because its health probe failed.</summary>
    ProbeFailed,

    /// <summary>Any other failure of the HTTP stack.</summary>
    Other,
}
