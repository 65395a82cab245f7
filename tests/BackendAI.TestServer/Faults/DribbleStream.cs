namespace BackendAI.TestServer.Faults;

/// <summary>
/// A response body that passes writes on a few bytes at a time, flushed, with a pause before each piece.
/// </summary>
internal sealed class DribbleStream : Stream
{
    private readonly Stream _inner;
    private readonly TimeSpan _gap;
    private readonly int _chunkSize;

    public DribbleStream(Stream inner, TimeSpan gap, int chunkSize)
    {
        _inner = inner;
        _gap = gap;
        _chunkSize = Math.Max(1, chunkSize);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(
        ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        for (int at = 0; at < buffer.Length; at += _chunkSize)
        {
            await Task.Delay(_gap, cancellationToken);
            await _inner.WriteAsync(buffer.Slice(at, Math.Min(_chunkSize, buffer.Length - at)), cancellationToken);
            await _inner.FlushAsync(cancellationToken);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
