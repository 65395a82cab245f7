namespace BackendAI.Client.Tests.Support;

/// <summary>
/// Finds the conformance vectors: a <c>shared/conformance</c> folder above the test assembly, or a
/// <c>shared</c> folder beside the repository root (where CI puts it).
/// </summary>
internal static class SharedFiles
{
    private static readonly Lazy<string?> Found = new(Locate);

    /// <summary>Gets why conformance tests are skipped here, or null when they run.</summary>
    /// <remarks>
    /// Without the folder they are skipped on a developer's machine, but under CI (<c>CI=true</c>) they run
    /// and fail, so a CI run can never pass without the vectors.
    /// </remarks>
    internal static string? SkipReason =>
        Found.Value is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true",
            StringComparison.OrdinalIgnoreCase)
            ? MissingMessage
            : null;

    /// <summary>Gets the folder holding the vectors.</summary>
    /// <exception cref="InvalidOperationException">The folder is missing.</exception>
    internal static string ConformanceDirectory => Found.Value ?? throw new InvalidOperationException(MissingMessage);

    private static string MissingMessage =>
        "The conformance vectors (shared/conformance, provided beside the repository checkout) are not on this "
        + $"machine: nothing above {AppContext.BaseDirectory} or beside the repository root holds them.";

    private static string? Locate()
    {
        var start = new DirectoryInfo(AppContext.BaseDirectory);
        for (var directory = start; directory is not null; directory = directory.Parent)
        {
            var inside = Path.Combine(directory.FullName, "shared", "conformance");
            if (Directory.Exists(inside))
            {
                return inside;
            }

            // The repository root holds the solution; its sibling "shared" holds the vectors.
            if (File.Exists(Path.Combine(directory.FullName, "BackendAI.slnx")))
            {
                var sibling = Path.Combine(directory.FullName, "..", "shared", "conformance");
                if (Directory.Exists(sibling))
                {
                    return Path.GetFullPath(sibling);
                }
            }
        }

        return null;
    }
}
