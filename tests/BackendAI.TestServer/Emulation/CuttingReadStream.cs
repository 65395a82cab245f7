
namespace BackendAI.TestServer.Emulation;

/// <summary>A seekable read stream over a download's file that aborts the connection once the file has been read
/// up to the armed cut offset, so the client sees a broken transfer part-way through.</summary>
internal sealed class CuttingReadStream : Stream
{
    private readonly FileStream inner;
    private readonly long cutAt;
    private readonly TransferFaults faults;
    private readonly HttpContext context;
    private long firstPosition = -1;

    public CuttingReadStream(FileStream inner, long cutAt, TransferFaults faults, HttpContext context)
    {
        this.inner = inner;
        this.cutAt = cutAt;
        this.faults = faults;
        this.context = context;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(
        Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var position = inner.Position;
        if (firstPosition < 0)
        {
            firstPosition = position;
        }

        // Only a response that started before the cut offset passes it; a resumed range beyond it never does.
        var armed = firstPosition < cutAt && faults.PendingDownloadCut == cutAt;
        if (armed && position >= cutAt && faults.TryTakeDownloadCut(cutAt))
        {
            // What was written so far goes out first, then the connection drops as a real network fault would.
            await context.Response.Body.FlushAsync(cancellationToken);
            context.Abort();
            throw new OperationCanceledException("The download connection was cut by fault injection.");
        }

        var limit = armed
            ? (int)Math.Min(buffer.Length, cutAt - position)
            : buffer.Length;
        return await inner.ReadAsync(buffer[..limit], cancellationToken);
    }

    public override Task<int> ReadAsync(
        byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
