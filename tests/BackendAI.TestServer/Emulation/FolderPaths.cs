namespace BackendAI.TestServer.Emulation;

/// <summary>Maps paths inside a folder (relative, '/'-separated) to disk paths, refusing escapes.</summary>
internal static class FolderPaths
{
    /// <summary>
    /// Resolves a folder-relative path; null when it is unusable (a ".." segment, a NUL, or, unless
    /// <paramref name="allowRoot"/>, the root itself). Leading slashes are ignored, as the storage proxy does.
    /// </summary>
    public static string? Resolve(EmulatedFolder folder, string? relative, bool allowRoot = false)
    {
        var segments = (relative ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s == ".." || s.AsSpan().IndexOfAny('\0', '\\') >= 0))
        {
            return null;
        }

        segments = [.. segments.Where(s => s != ".")];
        if (segments.Length == 0)
        {
            return allowRoot ? folder.DirectoryPath : null;
        }

        return Path.Combine([folder.DirectoryPath, .. segments]);
    }

    /// <summary>Gets the normalised folder-relative form of a path ("a/b"), for answers.</summary>
    public static string Normalize(string relative) =>
        string.Join('/', relative.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "."));
}
