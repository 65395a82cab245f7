using System.Text.Json;

namespace BackendAI.Client.Functions.Auth;

/// <summary>The result of a login attempt. A refused login is a result, not an exception.</summary>
/// <param name="Status">How the attempt ended.</param>
/// <param name="Reason">The server's reason when not authenticated (for example <c>OTP not provided</c>).</param>
/// <param name="Data">The <c>data</c> object of the server's answer.</param>
public sealed record LoginResult(LoginStatus Status, string? Reason, JsonElement? Data)
{
    /// <summary>Gets a value indicating whether the user is now logged in.</summary>
    public bool IsAuthenticated => Status == LoginStatus.Authenticated;
}
