namespace BackendAI.Cli.Tests;

/// <summary>A test of Unix file permissions: skipped on Windows, which keeps user files private by ACLs.</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes do not apply on Windows.";
        }
    }
}
