using System.Net;

namespace BackendAI.Client.Transport;

/// <summary>
/// Request content that can be written once per attempt. Every POST and PATCH carries one, even when empty:
/// .NET 10 silently resends a request on a fresh connection after a pooled one closed only while its content
/// has not started, so a request with content is never resent once written (SilentResendGuardTests shows it).
/// Should the HTTP stack ever try a second write, it is refused here, so the caller learns the outcome is
/// unknown instead of the request running twice.
/// </summary>
internal sealed class GuardedContent : HttpContent
{
    private readonly ReadOnlyMemory<byte> _body;
    private readonly AttemptState _state;

    internal GuardedContent(ReadOnlyMemory<byte> body, string? contentType, AttemptState state)
    {
        _body = body;
        _state = state;
        if (contentType is not null)
        {
            // Sent exactly as the caller wrote it: the signature covers the media type on the wire.
            Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        Headers.ContentLength = body.Length;
    }

    protected override async Task SerializeToStreamAsync(
        Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (!_state.TryStartBody())
        {
            throw new RepeatedSendException();
        }

        await stream.WriteAsync(_body, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        _state.BodyWritten();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
