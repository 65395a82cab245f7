using System.Text.Json;
using System.Text.Json.Nodes;
using BackendAI.Client.Transport;

namespace BackendAI.Client.Functions.VFolders;

/// <summary>Virtual folders: create, list, inspect, rename and delete them, and manage their files.</summary>
public sealed partial class VFolderFunctions
{
    private readonly BackendAIClient _client;

    internal VFolderFunctions(BackendAIClient client)
    {
        _client = client;
    }

    /// <summary>Lists the folders the user can see (<c>GET /folders</c>).</summary>
    /// <param name="all">List every folder (administrators), not only the user's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The manager's list of folders.</returns>
    public Task<JsonElement> ListAsync(bool all = false, CancellationToken cancellationToken = default) =>
        _client.SendJsonAsync(new ApiRequest(HttpMethod.Get, "/folders").WithJson(new { all }), cancellationToken);

    /// <summary>Creates a folder (<c>POST /folders</c>).</summary>
    /// <param name="options">The folder to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The manager's description of the new folder.</returns>
    public Task<JsonElement> CreateAsync(
        VFolderCreateOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            throw new ArgumentException("VFolderCreateOptions.Name is required.", nameof(options));
        }

        var body = new JsonObject
        {
            ["name"] = options.Name,
            ["host"] = options.Host,
            ["unmanaged_path"] = options.UnmanagedPath,
            ["group"] = options.Group,
            ["usage_mode"] = options.UsageMode,
            ["permission"] = options.Permission,
            ["cloneable"] = options.Cloneable,
        };
        var request = new ApiRequest(HttpMethod.Post, "/folders").WithJson(body);
        return _client.SendJsonAsync(request, cancellationToken);
    }

    /// <summary>Gets a folder's details (<c>GET /folders/{name}</c>).</summary>
    /// <param name="name">The folder's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The manager's description of the folder.</returns>
    public Task<JsonElement> GetInfoAsync(string name, CancellationToken cancellationToken = default) =>
        _client.SendJsonAsync(new ApiRequest(HttpMethod.Get, FolderPath(name)), cancellationToken);

    /// <summary>Deletes a folder (<c>DELETE /folders/{name}</c>).</summary>
    /// <param name="name">The folder's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the folder is deleted.</returns>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        using var response = await _client.SendAsync(new ApiRequest(HttpMethod.Delete, FolderPath(name)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renames a folder (<c>POST /folders/{name}/rename</c>).</summary>
    /// <param name="name">The folder's current name.</param>
    /// <param name="newName">The new name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the folder is renamed.</returns>
    public async Task RenameAsync(string name, string newName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newName);
        var request = new ApiRequest(HttpMethod.Post, FolderPath(name) + "/rename")
            .WithJson(new { new_name = newName });
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the files in a directory of a folder (<c>GET /folders/{name}/files?path=</c>).</summary>
    /// <param name="name">The folder's name.</param>
    /// <param name="path">The directory inside the folder; <c>.</c> for its root.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The manager's listing.</returns>
    public Task<JsonElement> ListFilesAsync(
        string name, string path = ".", CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, FolderPath(name) + "/files").AddQuery("path", path);
        return _client.SendJsonAsync(request, cancellationToken);
    }

    /// <summary>Creates directories in a folder (<c>POST /folders/{name}/mkdir</c>).</summary>
    /// <param name="name">The folder's name.</param>
    /// <param name="paths">The directories to create.</param>
    /// <param name="parents">Create missing parent directories too.</param>
    /// <param name="existOk">Do not fail when a directory exists.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The manager's per-path results.</returns>
    public Task<JsonElement> MakeDirectoryAsync(
        string name, IReadOnlyList<string> paths, bool parents = false, bool existOk = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new ArgumentException("At least one path is needed.", nameof(paths));
        }

        object path = paths.Count == 1 ? paths[0] : paths;
        var request = new ApiRequest(HttpMethod.Post, FolderPath(name) + "/mkdir")
            .WithJson(new { path, parents, exist_ok = existOk });
        return _client.SendJsonAsync(request, cancellationToken);
    }

    /// <summary>Renames a file or directory in place (<c>POST /folders/{name}/rename-file</c>).</summary>
    /// <param name="name">The folder's name.</param>
    /// <param name="targetPath">The file's path inside the folder.</param>
    /// <param name="newName">The new file name (no directory part).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the file is renamed.</returns>
    public async Task RenameFileAsync(
        string name, string targetPath, string newName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(newName);
        var request = new ApiRequest(HttpMethod.Post, FolderPath(name) + "/rename-file")
            .WithJson(new { target_path = targetPath, new_name = newName });
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves a file or directory inside a folder (<c>POST /folders/{name}/move-file</c>).</summary>
    /// <param name="name">The folder's name.</param>
    /// <param name="source">The path to move.</param>
    /// <param name="destination">The new path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the file is moved.</returns>
    public async Task MoveFileAsync(
        string name, string source, string destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var request = new ApiRequest(HttpMethod.Post, FolderPath(name) + "/move-file")
            .WithJson(new { src = source, dst = destination });
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes files (<c>DELETE /folders/{name}/delete-files</c>).</summary>
    /// <param name="name">The folder's name.</param>
    /// <param name="files">The paths to delete.</param>
    /// <param name="recursive">Delete directories with their contents.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the files are deleted.</returns>
    public async Task DeleteFilesAsync(
        string name,
        IReadOnlyList<string> files,
        bool recursive = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var request = new ApiRequest(HttpMethod.Delete, FolderPath(name) + "/delete-files")
            .WithJson(new { files, recursive });
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static string FolderPath(string name) => "/folders/" + PathSegment.Escape(name, "folder");
}
