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
    private readonly CancellationToken _readToken;
    private readonly IDisposable[] _owned;

    /// <summary>Wraps <paramref name="inner"/>, a body from <paramref name="source"/>.</summary>
    /// <param name="inner">The response body.</param>
    /// <param name="source">The endpoint or URL it comes from (without a query), named in a timeout.</param>
    /// <param name="state">The attempt, whose read timer bounds each read.</param>
    /// <param name="callerToken">The caller's token.</param>
    /// <param name="readToken">The attempt's token: the caller's token linked with the read timer.</param>
    /// <param name="owned">What the stream releases when disposed.</param>
    internal ReadTimeoutStream(
        Stream inner, Uri source, AttemptState state, CancellationToken callerToken, CancellationToken readToken,
        params IDisposable[] owned)
    {
        _inner = inner;
        _source = source;
        _state = state;
        _callerToken = callerToken;
        _readToken = readToken;
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
        // The attempt's token already covers the caller and the timer; link anew only for a different token.
        using var linked = cancellationToken.CanBeCanceled && cancellationToken != _callerToken
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _readToken)
            : null;
        _state.ArmReadTimer();
        try
        {
            return await _inner.ReadAsync(buffer, linked?.Token ?? _readToken).ConfigureAwait(false);
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
