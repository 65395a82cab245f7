using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using BackendAI.Client.Transport;

namespace BackendAI.Client.Functions.VFolders;

/// <summary>
/// Downloads a file from a storage proxy into a partial file beside the destination, resuming after a
/// broken connection with <c>Range</c> and <c>If-Range</c>, and moves it into place when complete.
/// </summary>
internal sealed class RangeDownloader
{
    private const int BufferSize = 81920;
    private readonly RequestPipeline _pipeline;
    private readonly int _maxResumes;

    internal RangeDownloader(RequestPipeline pipeline, int maxResumes)
    {
        _pipeline = pipeline;
        _maxResumes = maxResumes;
    }

    internal async Task<TransferProgress> DownloadAsync(
        TransferTicket ticket, string destination, bool overwrite, IProgress<TransferProgress>? progress,
        CancellationToken cancellationToken)
    {
        // A name of its own, so an unrelated "<name>.part" beside the destination is never touched.
        var partial = $"{destination}.{Guid.NewGuid():N}.part";
        var state = new DownloadState();
        try
        {
            await DownloadToAsync(ticket, partial, state, progress, cancellationToken).ConfigureAwait(false);
            File.Move(partial, destination, overwrite);
        }
        catch
        {
            // Nothing resumes from a partial file of an earlier call, so a failed one is only clutter.
            File.Delete(partial);
            throw;
        }

        return state.Progress;
    }

    private async Task DownloadToAsync(
        TransferTicket ticket, string partial, DownloadState state, IProgress<TransferProgress>? progress,
        CancellationToken cancellationToken)
    {
        var file = new FileStream(
            partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            while (!state.Complete)
            {
                try
                {
                    await FetchAsync(ticket.AuthorizedUrl, file, state, progress, cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is BackendAITransportException or IOException or TimeoutException
                    && !cancellationToken.IsCancellationRequested && state.Resumes < _maxResumes)
                {
                    state.Resumes++;
                    progress?.Report(state.Progress);
                    await ResumePause.WaitAsync(state.Resumes, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task FetchAsync(
        Uri url, FileStream file, DownloadState state, IProgress<TransferProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var response = await _pipeline.SendDirectAsync(HttpMethod.Get, url, message =>
        {
            if (state.Written > 0)
            {
                message.Headers.Range = new RangeHeaderValue(state.Written, null);
                if (state.Validator is not null)
                {
                    message.Headers.TryAddWithoutValidation("If-Range", state.Validator);
                }
            }
        }, null, cancellationToken).ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && state.Written == state.Total)
        {
            state.Complete = true;
            return;
        }

        await StorageProxyResponses.EnsureSuccessAsync(response, url, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            var range = response.ContentHeaders.ContentRange;
            if (range?.From != state.Written)
            {
                throw new BackendAIProtocolException(
                    $"The storage proxy resumed the download at byte {range?.From} instead of {state.Written}.");
            }

            state.Total = range.Length ?? state.Total;
        }
        else
        {
            // A full answer: the file changed or ranges are not supported; start over.
            file.SetLength(0);
            file.Position = 0;
            state.Written = 0;
            state.Total = response.ContentHeaders.ContentLength;
        }

        state.Validator = response.Headers.ETag?.ToString()
            ?? response.ContentHeaders.LastModified?.ToString("r", CultureInfo.InvariantCulture);
        var buffer = new byte[BufferSize];
        int read;
        while ((read = await response.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            state.Written += read;
            progress?.Report(state.Progress);
        }

        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (state.Total is { } total && state.Written < total)
        {
            throw new IOException($"The download ended at byte {state.Written} of {total}.");
        }

        state.Complete = true;
    }

    private sealed class DownloadState
    {
        internal long Written { get; set; }

        internal long? Total { get; set; }

        internal string? Validator { get; set; }

        internal int Resumes { get; set; }

        internal bool Complete { get; set; }

        internal TransferProgress Progress => new(Written, Total, Resumes);
    }
}
