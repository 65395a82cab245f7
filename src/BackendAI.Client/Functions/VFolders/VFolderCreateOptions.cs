namespace BackendAI.Client.Functions.VFolders;

/// <summary>The parameters of <c>POST /folders</c>.</summary>
public sealed class VFolderCreateOptions
{
    /// <summary>Gets or sets the folder's name. Required.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the storage host (<c>proxy:volume</c>); the manager's default when null.</summary>
    public string? Host { get; set; }

    /// <summary>Gets or sets the project (group) that owns the folder; a personal folder when null.</summary>
    public string? Group { get; set; }

    /// <summary>Gets or sets the path of an unmanaged folder (administrators only).</summary>
    public string? UnmanagedPath { get; set; }

    /// <summary>Gets or sets the usage mode: <c>general</c> (default), <c>model</c> or <c>data</c>.</summary>
    public string UsageMode { get; set; } = "general";

    /// <summary>Gets or sets the permission: <c>rw</c> (default), <c>ro</c> or <c>wd</c>.</summary>
    public string Permission { get; set; } = "rw";

    /// <summary>Gets or sets a value indicating whether others may clone the folder.</summary>
    public bool Cloneable { get; set; }
}
