namespace BackendAI.Client.Authentication;

/// <summary>Finds the per-user state directory and makes sure it and the files in it are private.</summary>
internal static class StateDirectory
{
    /// <summary>The permissions of a directory this client creates: owner only (0700).</summary>
    internal const UnixFileMode PrivateDirectoryMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The permissions of a file this client creates: owner read and write only (0600).</summary>
    internal const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OthersReadWrite =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    private const string ApplicationFolder = "backend.ai";

    /// <summary>
    /// Resolves the state directory: <c>BACKEND_STATE_DIR</c> (or <c>SORNA_STATE_DIR</c>), else
    /// <c>$XDG_STATE_HOME/backend.ai</c>, else <c>~/.local/state/backend.ai</c>; on Windows the last two are
    /// replaced by <c>%LOCALAPPDATA%\backend.ai</c>.
    /// </summary>
    internal static string Resolve(
        Func<string, string?> getVariable, bool isWindows, Func<Environment.SpecialFolder, string> getFolder)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        foreach (var name in (string[])["BACKEND_STATE_DIR", "SORNA_STATE_DIR"])
        {
            var value = getVariable(name)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!Path.IsPathFullyQualified(value))
            {
                throw new LoginStoreException(
                    $"{name} must be an absolute directory path; got '{value}'. " +
                    "Set it to an absolute path or unset it.");
            }

            return Path.GetFullPath(value);
        }

        if (isWindows)
        {
            var localAppData = Absolute(getVariable("LOCALAPPDATA")) ??
                Absolute(getFolder(Environment.SpecialFolder.LocalApplicationData));
            return Path.Combine(localAppData ?? throw NoHome("LOCALAPPDATA"), ApplicationFolder);
        }

        // The XDG base directory rules say a relative XDG_STATE_HOME is invalid and must be ignored.
        if (Absolute(getVariable("XDG_STATE_HOME")) is { } stateHome)
        {
            return Path.Combine(stateHome, ApplicationFolder);
        }

        var home = Absolute(getVariable("HOME")) ?? Absolute(getFolder(Environment.SpecialFolder.UserProfile));
        return Path.Combine(home ?? throw NoHome("HOME"), ".local", "state", ApplicationFolder);
    }

    /// <summary>Creates the directory owner-only when missing; otherwise checks that it is private.</summary>
    internal static void EnsurePrivate(string directory)
    {
        if (!Directory.Exists(directory))
        {
            try
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(directory);
                    return;
                }

                Directory.CreateDirectory(directory, PrivateDirectoryMode);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new LoginStoreException(
                    $"The state directory '{directory}' cannot be created ({ex.Message}). Set BACKEND_STATE_DIR to "
                    + "a directory path this user may create.", ex);
            }
        }

        CheckPrivate(directory, isDirectory: true);
    }

    /// <summary>
    /// Refuses a directory or file that other users may read or write, or that another user owns. Windows keeps
    /// per-user data private through the profile's access control lists, which this check leaves alone.
    /// </summary>
    internal static void CheckPrivate(string path, bool isDirectory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var what = isDirectory ? "state directory" : "login file";
        if (!isDirectory && new FileInfo(path).LinkTarget is not null)
        {
            throw new LoginStoreException(
                $"The {what} '{path}' is a symbolic link, which is not followed. " +
                $"Delete it (rm '{path}') and log in again.");
        }

        var owner = StateDirectoryOwner.FindOtherOwner(path);
        if (owner is not null)
        {
            throw new LoginStoreException(isDirectory
                ? $"The {what} '{path}' belongs to another user ({owner}), so it is not used. " +
                  "Set BACKEND_STATE_DIR to a directory of your own, or give this one to your user."
                : $"The {what} '{path}' belongs to another user ({owner}), so it is not trusted. " +
                  $"Delete it (rm '{path}') and log in again.");
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & OthersReadWrite) != 0)
        {
            var octal = Convert.ToString((int)mode & 0x1FF, 8);
            throw new LoginStoreException(isDirectory
                ? $"The {what} '{path}' can be read or written by other users (mode {octal}), " +
                  $"and it holds login cookies, so it is not used. Fix it with: chmod 700 '{path}'"
                : $"The {what} '{path}' can be read or written by other users (mode {octal}), " +
                  $"so it is not used. Fix it with: chmod 600 '{path}' " +
                  "(and log in again if others may have read it).");
        }
    }

    private static string? Absolute(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) || !Path.IsPathFullyQualified(trimmed) ? null : trimmed;
    }

    private static LoginStoreException NoHome(string variable) =>
        new($"The state directory cannot be determined because {variable} is not set to an absolute path. " +
            "Set BACKEND_STATE_DIR to an absolute directory path.");
}
