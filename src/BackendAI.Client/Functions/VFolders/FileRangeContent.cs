using System.Net;
using BackendAI.Client.Transport;

namespace BackendAI.Client.Functions.VFolders;

/// <summary>
/// A slice of a local file as a request body, streamed with a small fixed buffer so memory stays flat
/// whatever the file's size; reports each written block.
/// </summary>
internal sealed class FileRangeContent : HttpContent
{
    private const int BufferSize = 81920;
    private readonly string _path;
    private readonly long _offset;
    private readonly long _length;
    private readonly AttemptState _state;
    private readonly Action<long> _onWritten;

    internal FileRangeContent(string path, long offset, long length, AttemptState state, Action<long> onWritten)
    {
        _path = path;
        _offset = offset;
        _length = length;
        _state = state;
        _onWritten = onWritten;
        Headers.ContentLength = length;
    }

    protected override async Task SerializeToStreamAsync(
        Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _state.TryStartBody();
        var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            file.Seek(_offset, SeekOrigin.Begin);
            var buffer = new byte[BufferSize];
            var left = _length;
            while (left > 0)
            {
                var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)),
                    cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException($"The file '{_path}' got shorter while it was being uploaded.");
                }

                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                left -= read;
                _onWritten(read);
            }
        }

        _state.BodyWritten();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
