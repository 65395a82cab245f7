namespace BackendAI.TestServer.Emulation;

/// <summary>A virtual folder of the emulated manager; its files live in a real directory on disk.</summary>
public sealed class EmulatedFolder
{
    internal EmulatedFolder(string name, string directoryPath)
    {
        Name = name;
        DirectoryPath = directoryPath;
    }

    /// <summary>Gets the folder id (a UUID).</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>Gets the folder name; renaming changes it.</summary>
    public string Name { get; internal set; }

    /// <summary>Gets the directory that holds the folder's files (it does not move on rename).</summary>
    public string DirectoryPath { get; }

    /// <summary>Gets the storage host, for example <c>local:volume1</c>.</summary>
    public string Host { get; internal init; } = "local:volume1";

    /// <summary>Gets the usage mode (<c>general</c>, <c>model</c>, <c>data</c>).</summary>
    public string UsageMode { get; internal init; } = "general";

    /// <summary>Gets the permission (<c>ro</c>, <c>rw</c>, <c>wd</c>).</summary>
    public string Permission { get; internal init; } = "rw";

    /// <summary>Gets whether the folder may be cloned.</summary>
    public bool Cloneable { get; internal init; }

    /// <summary>Gets the owning group for a project folder, or <see langword="null"/> for a user folder.</summary>
    public string? Group { get; internal init; }

    /// <summary>Gets the unmanaged path the creation request gave, or <see langword="null"/>.</summary>
    public string? UnmanagedPath { get; internal init; }

    /// <summary>Gets the creator's name.</summary>
    public string Creator { get; internal init; } = "user@example.com";

    /// <summary>Gets when the folder was created.</summary>
    public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;
}
