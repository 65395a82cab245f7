namespace BackendAI.Client.Tests.Authentication;

/// <summary>A test that needs to give a file to another user, which only root can do.</summary>
public sealed class LinuxRootFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute, skipping the test unless it runs as root on Linux.</summary>
    public LinuxRootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Skip = "Changing a file's owner needs root on Linux.";
        }
    }
}
