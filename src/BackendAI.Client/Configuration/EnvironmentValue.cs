namespace BackendAI.Client.Configuration;

/// <summary>One environment variable as found, with where it came from.</summary>
/// <param name="Name">The variable name, for example <c>BACKEND_ENDPOINT</c>.</param>
/// <param name="Value">The value exactly as found.</param>
/// <param name="FilePath">The <c>.env</c> file that supplied it, or null for the process environment.</param>
/// <param name="Line">The 1-based line in <paramref name="FilePath"/>; 0 for the process environment.</param>
internal sealed record EnvironmentValue(string Name, string Value, string? FilePath, int Line)
{
    /// <summary>Gets the source as written in error messages.</summary>
    public string Describe() =>
        FilePath is null ? Name : $"{Name} (from the .env file {FilePath}, line {Line})";
}
