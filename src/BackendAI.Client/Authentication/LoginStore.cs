namespace BackendAI.Client.Authentication;

/// <summary>
/// Keeps session-mode logins on disk, one per configured endpoint list, in a private JSON file under the
/// user's state directory.
/// </summary>
/// <remarks>
/// The file is replaced atomically (a temporary file in the same directory, then a rename) and is created
/// owner-only (0600, in a 0700 directory). Before it is read, a file or directory that other users may read or
/// write, or that another user owns, is refused with a <see cref="LoginStoreException"/>, as is a corrupt or
/// foreign file. Writers in several processes take turns through a lock file, so concurrent logins for different
/// endpoint lists all survive. Cookie values never appear in messages.
/// </remarks>
public sealed class LoginStore
{
    /// <summary>The login file's name inside the state directory.</summary>
    internal const string FileName = "logins.json";

    private static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(10);

    private readonly TimeSpan lockTimeout;

    /// <summary>Creates a store that keeps its file in the given directory (created on first save).</summary>
    /// <param name="stateDirectory">
    /// An absolute directory path, usually from <see cref="ResolveStateDirectory"/>.
    /// </param>
    public LoginStore(string stateDirectory)
        : this(stateDirectory, DefaultLockTimeout)
    {
    }

    internal LoginStore(string stateDirectory, TimeSpan lockTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDirectory);
        if (!Path.IsPathFullyQualified(stateDirectory))
        {
            throw new ArgumentException(
                $"The state directory must be an absolute path; got '{stateDirectory}'.", nameof(stateDirectory));
        }

        StateDirectoryPath = Path.GetFullPath(stateDirectory);
        FilePath = Path.Combine(StateDirectoryPath, FileName);
        this.lockTimeout = lockTimeout;
    }

    /// <summary>Gets the full path of the login file.</summary>
    public string FilePath { get; }

    private string StateDirectoryPath { get; }

    private string LockPath => FilePath + ".lock";

    /// <summary>
    /// Resolves the state directory: <c>BACKEND_STATE_DIR</c> (or <c>SORNA_STATE_DIR</c>) when set, else
    /// <c>$XDG_STATE_HOME/backend.ai</c>, else <c>~/.local/state/backend.ai</c>; on Windows
    /// <c>%LOCALAPPDATA%\backend.ai</c> replaces the last two.
    /// </summary>
    /// <param name="getVariable">Looks up an environment variable by its full name; null when it is not set.</param>
    /// <returns>The absolute path of the state directory (which may not exist yet).</returns>
    /// <exception cref="LoginStoreException">The state directory variable is not an absolute path, or no home
    /// directory is known.</exception>
    public static string ResolveStateDirectory(Func<string, string?> getVariable) =>
        StateDirectory.Resolve(getVariable, OperatingSystem.IsWindows(), Environment.GetFolderPath);

    /// <summary>Loads the login kept for an endpoint list, in any order; null when there is none.</summary>
    /// <param name="endpoints">The configured endpoints; their canonical, sorted form is the key.</param>
    /// <exception cref="LoginStoreException">The file or directory is not private, or the file is corrupt or
    /// foreign.</exception>
    public StoredLogin? Load(IReadOnlyList<Uri> endpoints)
    {
        var key = LoginStoreFormat.CanonicalEndpoints(endpoints, nameof(endpoints));
        if (!File.Exists(FilePath) && !IsLink(FilePath))
        {
            return null;
        }

        var entry = ReadEntries()?.Find(e => e.Endpoints.SequenceEqual(key, StringComparer.Ordinal));
        return entry is null ? null : LoginStoreFormat.ToLogin(entry);
    }

    /// <summary>Saves the login for an endpoint list, replacing any earlier one for the same list.</summary>
    /// <param name="endpoints">The configured endpoints; their canonical, sorted form is the key.</param>
    /// <param name="login">The login to keep.</param>
    /// <exception cref="LoginStoreException">The file or directory is not private, the existing file is corrupt
    /// or foreign, or the lock could not be taken.</exception>
    public void Save(IReadOnlyList<Uri> endpoints, StoredLogin login)
    {
        var key = LoginStoreFormat.CanonicalEndpoints(endpoints, nameof(endpoints));
        var entry = LoginStoreFormat.ToEntry(key, login, nameof(login));
        StateDirectory.EnsurePrivate(StateDirectoryPath);

        using var held = LoginStoreLock.Acquire(LockPath, lockTimeout);
        var entries = ReadEntries() ?? [];
        entries.RemoveAll(e => e.Endpoints.SequenceEqual(key, StringComparer.Ordinal));
        entries.Add(entry);
        WriteAtomically(entries);
    }

    /// <summary>Deletes the login kept for an endpoint list.</summary>
    /// <param name="endpoints">The configured endpoints; their canonical, sorted form is the key.</param>
    /// <returns>True when a login was deleted; false when there was none.</returns>
    /// <exception cref="LoginStoreException">The file or directory is not private, the file is corrupt or
    /// foreign, or the lock could not be taken.</exception>
    public bool Delete(IReadOnlyList<Uri> endpoints)
    {
        var key = LoginStoreFormat.CanonicalEndpoints(endpoints, nameof(endpoints));
        if (!Directory.Exists(StateDirectoryPath))
        {
            return false;
        }

        StateDirectory.CheckPrivate(StateDirectoryPath, isDirectory: true);
        using var held = LoginStoreLock.Acquire(LockPath, lockTimeout);
        var entries = ReadEntries();
        if (entries is null || entries.RemoveAll(e => e.Endpoints.SequenceEqual(key, StringComparer.Ordinal)) == 0)
        {
            return false;
        }

        if (entries.Count == 0)
        {
            File.Delete(FilePath);
        }
        else
        {
            WriteAtomically(entries);
        }

        return true;
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>Reads and checks the whole file; null when it does not exist.</summary>
    private List<LoginFileEntry>? ReadEntries()
    {
        StateDirectory.CheckPrivate(StateDirectoryPath, isDirectory: true);
        if (!File.Exists(FilePath) && !IsLink(FilePath))
        {
            return null;
        }

        StateDirectory.CheckPrivate(FilePath, isDirectory: false);
        byte[] content;
        try
        {
            using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > LoginStoreFormat.MaxFileBytes)
            {
                throw new LoginStoreException(
                    $"The login file '{FilePath}' is larger than any login file this client writes, " +
                    $"so it is not used. Delete it (rm '{FilePath}') and log in again.");
            }

            content = new byte[stream.Length];
            stream.ReadExactly(content);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        return LoginStoreFormat.Parse(content, FilePath);
    }

    private void WriteAtomically(List<LoginFileEntry> entries)
    {
        var content = LoginStoreFormat.Serialize(entries);
        var temporary = Path.Combine(StateDirectoryPath, $"{FileName}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = StateDirectory.PrivateFileMode;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
