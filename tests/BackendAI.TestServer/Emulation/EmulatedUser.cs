namespace BackendAI.TestServer.Emulation;

/// <summary>A user account known to the emulated manager and web server.</summary>
public sealed class EmulatedUser
{
    internal EmulatedUser(string name, string password, string? otp, string accessKey, string role)
    {
        Name = name;
        Password = password;
        Otp = otp;
        AccessKey = accessKey;
        Role = role;
    }

    /// <summary>Gets the login name (an e-mail address on real servers).</summary>
    public string Name { get; }

    /// <summary>Gets the current password; the password-update routes change it.</summary>
    public string Password { get; internal set; }

    /// <summary>Gets the one-time password this account requires, or <see langword="null"/> when it has none.</summary>
    public string? Otp { get; }

    /// <summary>Gets the access key the login answer reports and api-mode requests are matched by.</summary>
    public string AccessKey { get; }

    /// <summary>Gets the role reported by the login answer (<c>user</c>, <c>admin</c>, <c>superadmin</c>).</summary>
    public string Role { get; }
}
