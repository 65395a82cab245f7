using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace BackendAI.TestServer.Emulation;

/// <summary>The storage proxy's tus 1.0.0 upload: HEAD reports the offset, PATCH appends at that offset to a
/// partial file on disk, and the finished file is moved into the folder.</summary>
internal static class TusUpload
{
    private const string TusVersion = "1.0.0";
    private const string OffsetContentType = "application/offset+octet-stream";

    public static IResult Options(HttpContext context, EmulationState state)
    {
        EmulationRequest.Record(context, state, null);
        var headers = context.Response.Headers;
        headers["Tus-Resumable"] = TusVersion;
        headers["Tus-Version"] = TusVersion;
        return Results.NoContent();
    }

    public static IResult Head(HttpContext context, EmulationState state)
    {
        EmulationRequest.Record(context, state, null);
        if (FindUpload(context, state) is not { } ticket)
        {
            return InvalidToken();
        }

        long offset;
        lock (ticket)
        {
            offset = ticket.Offset;
            if (offset == ticket.Size)
            {
                Complete(ticket);
            }
        }

        var headers = context.Response.Headers;
        headers["Tus-Resumable"] = TusVersion;
        headers["Upload-Offset"] = offset.ToString(CultureInfo.InvariantCulture);
        headers["Upload-Length"] = ticket.Size.ToString(CultureInfo.InvariantCulture);
        headers.CacheControl = "no-store";
        return Results.Ok();
    }

    public static async Task<IResult> PatchAsync(HttpContext context, EmulationState state)
    {
        EmulationRequest.Record(context, state, null);
        var request = context.Request;
        context.Response.Headers["Tus-Resumable"] = TusVersion;
        if (FindUpload(context, state) is not { } ticket)
        {
            return InvalidToken();
        }

        if (!string.Equals(request.Headers["Tus-Resumable"], TusVersion, StringComparison.Ordinal))
        {
            return ManagerProblems.Problem(StatusCodes.Status412PreconditionFailed, "tus-version",
                "Unsupported tus version.", $"Send 'Tus-Resumable: {TusVersion}'.");
        }

        if (!string.Equals(request.ContentType, OffsetContentType, StringComparison.OrdinalIgnoreCase))
        {
            return ManagerProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "tus-content-type",
                "Unsupported media type.", $"A PATCH must be sent as '{OffsetContentType}'.");
        }

        if (!long.TryParse(request.Headers["Upload-Offset"], NumberStyles.None, CultureInfo.InvariantCulture,
            out var offset))
        {
            return ManagerProblems.BadRequest($"Invalid Upload-Offset '{request.Headers["Upload-Offset"]}'.");
        }

        await ticket.Gate.WaitAsync(context.RequestAborted);
        try
        {
            if (offset != ticket.Offset)
            {
                return ManagerProblems.Problem(StatusCodes.Status409Conflict, "tus-offset-mismatch",
                    "Upload-Offset does not match.", $"The upload is at offset {ticket.Offset}, not {offset}.");
            }

            if (request.ContentLength is { } length && offset + length > ticket.Size)
            {
                return ManagerProblems.Problem(StatusCodes.Status413PayloadTooLarge, "tus-too-large",
                    "The upload exceeds its length.", $"Upload-Length is {ticket.Size}.");
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = null;
            }

            var overflow = await AppendAsync(context, state, ticket);
            if (overflow)
            {
                return ManagerProblems.Problem(StatusCodes.Status413PayloadTooLarge, "tus-too-large",
                    "The upload exceeds its length.", $"Upload-Length is {ticket.Size}.");
            }
        }
        finally
        {
            ticket.Gate.Release();
        }

        context.Response.Headers["Upload-Offset"] = ticket.Offset.ToString(CultureInfo.InvariantCulture);
        return Results.NoContent();
    }

    /// <summary>Copies the body to the partial file; true when it went past the announced length.</summary>
    private static async Task<bool> AppendAsync(HttpContext context, EmulationState state, TransferTicket ticket)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var file = new FileStream(ticket.PartPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read,
            bufferSize: 1, FileOptions.Asynchronous);
        await using (file)
        {
            try
            {
                file.Position = ticket.Offset;
                while (true)
                {
                    var read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted);
                    if (read == 0)
                    {
                        break;
                    }

                    if (ticket.Offset + read > ticket.Size)
                    {
                        return true;
                    }

                    var cut = state.Faults.PendingUploadCut ?? -1;
                    var cutHere = cut >= ticket.Offset && cut < ticket.Offset + read;
                    var keep = cutHere ? (int)(cut - ticket.Offset) : read;
                    await file.WriteAsync(buffer.AsMemory(0, keep), CancellationToken.None);
                    ticket.Offset += keep;
                    if (cutHere && state.Faults.TryTakeUploadCut(cut))
                    {
                        // Keep what arrived before the cut, as a proxy that lost its client would.
                        await file.FlushAsync(CancellationToken.None);
                        context.Abort();
                        return false;
                    }

                    if (keep < read)
                    {
                        await file.WriteAsync(buffer.AsMemory(keep, read - keep), CancellationToken.None);
                        ticket.Offset += read - keep;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                // The client went away mid-body; what arrived stays on disk and HEAD reports it.
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        lock (ticket)
        {
            if (ticket.Offset == ticket.Size)
            {
                Complete(ticket);
            }
        }

        return false;
    }

    private static void Complete(TransferTicket ticket)
    {
        if (ticket.Completed)
        {
            return;
        }

        var target = FolderPaths.Resolve(ticket.Folder, ticket.RelativePath)!;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!File.Exists(ticket.PartPath))
        {
            File.WriteAllBytes(ticket.PartPath, []);
        }

        File.Move(ticket.PartPath, target, overwrite: true);
        ticket.Completed = true;
    }

    private static TransferTicket? FindUpload(HttpContext context, EmulationState state) =>
        state.FindTicket(context.Request.Query["token"]) is { IsUpload: true } ticket ? ticket : null;

    private static IResult InvalidToken() =>
        ManagerProblems.Problem(StatusCodes.Status404NotFound, "invalid-token",
            "Invalid or expired upload token.");
}
