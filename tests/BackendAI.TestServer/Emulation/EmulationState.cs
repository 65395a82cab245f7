using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace BackendAI.TestServer.Emulation;

/// <summary>
/// Everything the emulated manager, web server and storage proxy know, in memory (folder files on disk under
/// <see cref="StorageRoot"/>). Thread-safe; dispose it to delete the files.
/// </summary>
public sealed class EmulationState : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, EmulatedSession> sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatedFolder> folders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmulatedUser> users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TransferTicket> tickets = new(StringComparer.Ordinal);

    /// <summary>Initializes a new state with an empty storage directory under the system temp directory.</summary>
    public EmulationState()
    {
        StorageRoot = Path.Combine(Path.GetTempPath(), "backendai-emulation-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(StorageRoot, "folders"));
        Directory.CreateDirectory(Path.Combine(StorageRoot, "uploads"));
    }

    /// <summary>Gets the directory holding folder contents and partial uploads.</summary>
    public string StorageRoot { get; }

    /// <summary>Gets or sets the API version reported by <c>GET /func/</c>. Default <c>v8.20240315</c>.</summary>
    public string ApiVersion { get; set; } = "v8.20240315";

    /// <summary>Gets or sets the manager version reported by <c>GET /func/</c>. Default <c>24.03.9</c>.</summary>
    public string ManagerVersion { get; set; } = "24.03.9";

    /// <summary>
    /// Gets or sets the storage-proxy base URL the manager hands out in upload and download tickets, for example
    /// <c>http://storage-internal:6021</c>. Default <see langword="null"/>: the scheme and host of the ticket request.
    /// </summary>
    public Uri? StorageProxyPublicUrl { get; set; }

    /// <summary>Gets or sets the announcement text; <see langword="null"/> (the default) means disabled.</summary>
    public string? Announcement { get; set; }

    /// <summary>Gets or sets whether session creation fails with 404 for a mount naming an unknown folder, as the
    /// manager does. Default <see langword="true"/>.</summary>
    public bool RequireMountedFoldersExist { get; set; } = true;

    /// <summary>Gets the log of received bodies and the counters.</summary>
    public EmulationLog Log { get; } = new();

    /// <summary>Gets the connection cuts armed for the storage proxy.</summary>
    public TransferFaults Faults { get; } = new();

    /// <summary>Gets the web (console) server's logins and switches.</summary>
    public WebServerEmulation WebServer { get; } = new();

    /// <summary>Gets a snapshot of the sessions.</summary>
    public IReadOnlyList<EmulatedSession> Sessions
    {
        get
        {
            lock (gate)
            {
                return [.. sessions.Values];
            }
        }
    }

    /// <summary>Gets a snapshot of the folders.</summary>
    public IReadOnlyList<EmulatedFolder> Folders
    {
        get
        {
            lock (gate)
            {
                return [.. folders.Values];
            }
        }
    }

    /// <summary>Adds a user account (replacing one of the same name).</summary>
    /// <param name="name">The login name.</param>
    /// <param name="password">The password.</param>
    /// <param name="otp">The one-time password the account requires, or <see langword="null"/> for none.</param>
    /// <param name="accessKey">The access key; <see langword="null"/> generates one.</param>
    /// <param name="role">The role reported on login. Default <c>user</c>.</param>
    /// <returns>The account.</returns>
    public EmulatedUser AddUser(
        string name, string password, string? otp = null, string? accessKey = null, string role = "user")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(password);

        var key = accessKey ?? "AKEMU" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var user = new EmulatedUser(name, password, otp, key, role);
        users[name] = user;
        return user;
    }

    /// <summary>Finds a user by login name.</summary>
    /// <param name="name">The login name.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    public EmulatedUser? FindUser(string name) => users.GetValueOrDefault(name);

    /// <summary>Finds a user by access key.</summary>
    /// <param name="accessKey">The access key.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    public EmulatedUser? FindUserByAccessKey(string accessKey) =>
        users.Values.FirstOrDefault(u => string.Equals(u.AccessKey, accessKey, StringComparison.Ordinal));

    /// <summary>Finds a session by name.</summary>
    /// <param name="name">The session name.</param>
    /// <returns>The session, or <see langword="null"/>.</returns>
    public EmulatedSession? FindSession(string name)
    {
        lock (gate)
        {
            // The manager accepts a session's id wherever it accepts its name.
            return sessions.GetValueOrDefault(name)
                ?? sessions.Values.FirstOrDefault(s => s.Id.ToString() == name);
        }
    }

    /// <summary>Finds a folder by name.</summary>
    /// <param name="name">The folder name.</param>
    /// <returns>The folder, or <see langword="null"/>.</returns>
    public EmulatedFolder? FindFolder(string name)
    {
        lock (gate)
        {
            return folders.GetValueOrDefault(name);
        }
    }

    /// <summary>Creates a folder, as <c>POST /folders</c> would.</summary>
    /// <param name="name">The folder name.</param>
    /// <returns>The folder.</returns>
    /// <exception cref="InvalidOperationException">A folder with this name exists.</exception>
    public EmulatedFolder CreateFolder(string name) =>
        TryAddFolder(name, path => new EmulatedFolder(name, path))
        ?? throw new InvalidOperationException($"A folder named '{name}' already exists.");

    /// <summary>Deletes every folder file and partial upload.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(StorageRoot, recursive: true);
        }
        catch (IOException)
        {
            // A download still streaming holds a file open; the system cleans its temp directory later.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above on systems that refuse to delete open files.
        }
    }

    internal (EmulatedSession Session, bool Created) GetOrAddSession(string name, Func<EmulatedSession> create)
    {
        lock (gate)
        {
            if (sessions.TryGetValue(name, out var existing))
            {
                return (existing, false);
            }

            var session = create();
            sessions.Add(name, session);
            return (session, true);
        }
    }

    internal EmulatedSession? RemoveSession(string name)
    {
        lock (gate)
        {
            return sessions.Remove(name, out var session) ? session : null;
        }
    }

    internal EmulatedFolder? TryAddFolder(string name, Func<string, EmulatedFolder> create)
    {
        lock (gate)
        {
            if (folders.ContainsKey(name))
            {
                return null;
            }

            var folder = create(Path.Combine(StorageRoot, "folders", Guid.NewGuid().ToString("N")));
            Directory.CreateDirectory(folder.DirectoryPath);
            folders.Add(name, folder);
            return folder;
        }
    }

    internal bool TryRenameFolder(EmulatedFolder folder, string newName)
    {
        lock (gate)
        {
            if (folders.ContainsKey(newName) || !folders.Remove(folder.Name))
            {
                return false;
            }

            folder.Name = newName;
            folders.Add(newName, folder);
            return true;
        }
    }

    internal EmulatedFolder? RemoveFolder(string name)
    {
        lock (gate)
        {
            return folders.Remove(name, out var folder) ? folder : null;
        }
    }

    internal string IssueTicket(bool isUpload, EmulatedFolder folder, string relativePath, long size)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var partPath = Path.Combine(StorageRoot, "uploads", token + ".part");
        tickets[token] = new TransferTicket(isUpload, folder, relativePath, size, partPath);
        return token;
    }

    internal TransferTicket? FindTicket(string? token) =>
        token is null ? null : tickets.GetValueOrDefault(token);
}
