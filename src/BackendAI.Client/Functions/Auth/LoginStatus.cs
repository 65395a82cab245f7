namespace BackendAI.Client.Functions.Auth;

/// <summary>How a login attempt ended.</summary>
public enum LoginStatus
{
    /// <summary>The user is logged in; the login is kept for later calls and later processes.</summary>
    Authenticated,

    /// <summary>The account needs a one-time password: log in again with it.</summary>
    OtpRequired,

    /// <summary>The server refused the credentials; see the reason.</summary>
    Failed,
}
