namespace BackendAI.Client.Tests.Emulation;

/// <summary>A read-only stream of a given length whose bytes are <c>position % 251</c>, generated on the fly so
/// big transfers need no big buffers.</summary>
internal sealed class PatternStream(long length) : Stream
{
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public static byte At(long offset) => (byte)(offset % 251);

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - position);
        for (var i = 0; i < n; i++)
        {
            buffer[offset + i] = At(position + i);
        }

        position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
