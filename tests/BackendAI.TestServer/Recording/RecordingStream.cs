namespace BackendAI.TestServer.Recording;

/// <summary>A request body that copies what is read from it into the request's record.</summary>
internal sealed class RecordingStream : Stream
{
    private readonly Stream _inner;
    private readonly RecordedRequest _record;
    private readonly int _limit;

    public RecordingStream(Stream inner, RecordedRequest record, int limit)
    {
        _inner = inner;
        _record = record;
        _limit = limit;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(
        Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await _inner.ReadAsync(buffer, cancellationToken);
        _record.AppendBody(buffer.Span[..read], _limit);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = _inner.Read(buffer, offset, count);
        _record.AppendBody(buffer.AsSpan(offset, read), _limit);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
