namespace BackendAI.Client.Transport;

/// <summary>
/// A response body stream whose every read must make progress within the read timeout; it owns the
/// attempt's timer and response so a streamed download releases them when disposed.
/// </summary>
internal sealed class ReadTimeoutStream : Stream
{
    private readonly Uri _source;
    private readonly Stream _inner;
    private readonly AttemptState _state;
    private readonly CancellationToken _callerToken;
    private readonly IDisposable[] _owned;

    internal ReadTimeoutStream(
        Stream inner, Uri source, AttemptState state, CancellationToken callerToken, params IDisposable[] owned)
    {
        _inner = inner;
        _source = source;
        _state = state;
        _callerToken = callerToken;
        _owned = owned;
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

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(
            cancellationToken, _callerToken, _state.ReadTimer.Token);
        _state.ArmReadTimer();
        try
        {
            return await _inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (_state.ReadTimedOut
            && !cancellationToken.IsCancellationRequested && !_callerToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No data arrived from {_source} within the read timeout while reading the response body.", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested
            && RequestPipeline.IsCallerCancellation(ex, _callerToken))
        {
            throw RequestPipeline.CallerCancelled(ex, _callerToken);
        }
        finally
        {
            _state.DisarmReadTimer();
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            foreach (var owned in _owned)
            {
                owned.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
