namespace BackendAI.Client.Tests.Authentication;

/// <summary>A test about Unix permissions; skipped on Windows, where the store relies on the profile's ACLs.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute, skipping the test on Windows.</summary>
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes do not apply on Windows.";
        }
    }
}
