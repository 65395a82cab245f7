using System.Globalization;
using BackendAI.Client.Transport;

namespace BackendAI.Client.Functions.VFolders;

/// <summary>
/// Uploads a file to a storage proxy with the tus 1.0.0 protocol: asks for the current offset
/// (<c>HEAD</c>), sends the rest in chunks (<c>PATCH</c> with <c>Upload-Offset</c>), and after a broken
/// connection asks again and resumes from the server's offset.
/// </summary>
internal sealed class TusUploader
{
    private const string TusVersion = "1.0.0";
    private readonly RequestPipeline _pipeline;
    private readonly long _chunkSize;
    private readonly int _maxResumes;

    internal TusUploader(RequestPipeline pipeline, long chunkSize, int maxResumes)
    {
        _pipeline = pipeline;
        _chunkSize = chunkSize;
        _maxResumes = maxResumes;
    }

    internal async Task<TransferProgress> UploadAsync(
        TransferTicket ticket, string path, long size, IProgress<TransferProgress>? progress,
        CancellationToken cancellationToken)
    {
        var url = ticket.AuthorizedUrl;
        var resumes = 0;
        long? offset = null;
        while (true)
        {
            try
            {
                // The server's offset is the truth after a break: what it kept may end anywhere in a chunk.
                offset ??= await GetOffsetAsync(url, cancellationToken).ConfigureAwait(false);
                if (offset > size)
                {
                    throw new BackendAIProtocolException(
                        $"The storage proxy at {url.GetLeftPart(UriPartial.Path)} reports {offset} bytes received "
                        + $"for a file of {size} bytes.");
                }

                if (offset == size)
                {
                    return new TransferProgress(offset.Value, size, resumes);
                }

                var next = await SendChunkAsync(url, path, offset.Value, Math.Min(_chunkSize, size - offset.Value),
                    size, resumes, progress, cancellationToken).ConfigureAwait(false);
                if (next <= offset)
                {
                    throw new BackendAIProtocolException(
                        $"The storage proxy at {ticket.Url} accepted a chunk but kept the upload at byte {next}.");
                }

                offset = next;
                progress?.Report(new TransferProgress(next, size, resumes));
            }
            catch (BackendAITransportException) when (resumes < _maxResumes)
            {
                resumes++;
                offset = null;
                await ResumePause.WaitAsync(resumes, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<long> GetOffsetAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await _pipeline.SendDirectAsync(HttpMethod.Head, url, AddTusHeader, null,
            cancellationToken).ConfigureAwait(false);
        await StorageProxyResponses.EnsureSuccessAsync(response, url, cancellationToken).ConfigureAwait(false);
        return ReadOffset(response, url);
    }

    private async Task<long> SendChunkAsync(
        Uri url, string path, long offset, long length, long size, int resumes,
        IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var sent = offset;
        using var response = await _pipeline.SendDirectAsync(
            HttpMethod.Patch,
            url,
            message =>
            {
                AddTusHeader(message);
                message.Headers.TryAddWithoutValidation(
                    "Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
            },
            state =>
            {
                var content = new FileRangeContent(path, offset, length, state, written =>
                {
                    sent += written;
                    progress?.Report(new TransferProgress(sent, size, resumes));
                });
                content.Headers.TryAddWithoutValidation("Content-Type", "application/offset+octet-stream");
                return content;
            },
            cancellationToken).ConfigureAwait(false);
        await StorageProxyResponses.EnsureSuccessAsync(response, url, cancellationToken).ConfigureAwait(false);
        return ReadOffset(response, url);
    }

    private static void AddTusHeader(HttpRequestMessage message) =>
        message.Headers.TryAddWithoutValidation("Tus-Resumable", TusVersion);

    private static long ReadOffset(DirectResponse response, Uri url)
    {
        if (response.Headers.TryGetValues("Upload-Offset", out var values)
            && long.TryParse(
                values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return offset;
        }

        throw new BackendAIProtocolException(
            $"The storage proxy at {url.GetLeftPart(UriPartial.Path)} answered without a valid "
            + "Upload-Offset header.");
    }
}
