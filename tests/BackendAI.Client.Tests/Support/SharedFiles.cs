namespace BackendAI.Client.Tests.Support;

/// <summary>Locates the shared folder (conformance vectors) that sits beside the repository checkout.</summary>
internal static class SharedFiles
{
    internal static string ConformanceDirectory { get; } = Locate();

    private static string Locate()
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

        throw new InvalidOperationException(
            $"No shared/conformance folder found above {AppContext.BaseDirectory} or beside the repository root.");
    }
}
