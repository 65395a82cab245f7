using System.Text.Json;
using BackendAI.Client.Transport;

namespace BackendAI.Client.Functions.VFolders;

/// <summary>File transfers through the storage proxy.</summary>
public sealed partial class VFolderFunctions
{
    private const long UploadChunkSize = 16L * 1024 * 1024;
    private const int MaxResumes = 10;

    /// <summary>
    /// Uploads a local file into a folder: asks the manager for a ticket, maps its storage-proxy address,
    /// and sends the file with tus, resuming after broken connections. Memory use does not grow with the file.
    /// </summary>
    /// <param name="name">The folder's name.</param>
    /// <param name="localPath">The file to upload.</param>
    /// <param name="remotePath">The path inside the folder; the file's name when null.</param>
    /// <param name="progress">Receives progress reports; may be null.</param>
    /// <param name="cancellationToken">Cancels the transfer (what was sent stays on the proxy).</param>
    /// <returns>The final progress, with the number of resumes.</returns>
    public async Task<TransferProgress> UploadAsync(
        string name, string localPath, string? remotePath = null, IProgress<TransferProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(localPath);
        var info = new FileInfo(localPath);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"The file to upload, '{localPath}', does not exist.", localPath);
        }

        var target = remotePath ?? info.Name;
        var request = new ApiRequest(HttpMethod.Post, FolderPath(name) + "/request-upload")
            .WithJson(new { path = target, size = info.Length });
        var ticket = await RequestTicketAsync(request, cancellationToken).ConfigureAwait(false);
        var uploader = new TusUploader(_client.Pipeline, UploadChunkSize, MaxResumes);
        return await uploader.UploadAsync(ticket, info.FullName, info.Length, progress, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads a file from a folder: asks the manager for a ticket, maps its storage-proxy address, and
    /// fetches the file, resuming with ranges after broken connections; the file appears only when complete.
    /// </summary>
    /// <param name="name">The folder's name.</param>
    /// <param name="remotePath">The path inside the folder.</param>
    /// <param name="localPath">Where to write the file.</param>
    /// <param name="overwrite">Replace an existing local file; otherwise an existing file is an error.</param>
    /// <param name="progress">Receives progress reports; may be null.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>The final progress, with the number of resumes.</returns>
    public async Task<TransferProgress> DownloadAsync(
        string name, string remotePath, string localPath, bool overwrite = false,
        IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(remotePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(localPath);
        var destination = Path.GetFullPath(localPath);
        if (!overwrite && File.Exists(destination))
        {
            throw new IOException(
                $"The file '{localPath}' exists; choose another path or allow overwriting (--overwrite).");
        }

        var directory = Path.GetDirectoryName(destination);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"Cannot download to '{localPath}': the directory '{directory}' does not exist.");
        }

        var request = new ApiRequest(HttpMethod.Post, FolderPath(name) + "/request-download")
            .WithJson(new { path = remotePath });
        var ticket = await RequestTicketAsync(request, cancellationToken).ConfigureAwait(false);
        var downloader = new RangeDownloader(_client.Pipeline, MaxResumes);
        return await downloader.DownloadAsync(ticket, destination, overwrite, progress,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<TransferTicket> RequestTicketAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var root = await _client.SendJsonAsync(request, cancellationToken).ConfigureAwait(false);
        var token = Json.String(root, "token");
        var url = Json.String(root, "url");
        if (token is null || url is null)
        {
            throw new BackendAIProtocolException(
                $"The manager's transfer ticket lacks a token or a url: {Redact(root)}");
        }

        var mapped = StorageProxyAddressMapper.Map(url, _client.Config.StorageProxyAddressMap);
        return new TransferTicket(mapped, token);
    }

    private static string Redact(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
            ? "{" + string.Join(", ", root.EnumerateObject().Select(p => p.Name)) + "}"
            : root.ValueKind.ToString();
}
