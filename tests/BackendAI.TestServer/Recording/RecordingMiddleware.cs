using Microsoft.AspNetCore.Http.Features;

namespace BackendAI.TestServer.Recording;

/// <summary>Records each request (line, headers, body as it is read) and the status it got.</summary>
internal sealed class RecordingMiddleware
{
    private readonly RequestRecorder _recorder;
    private readonly ServerClock _clock;
    private readonly int _bodyLimit;

    public RecordingMiddleware(RequestRecorder recorder, ServerClock clock, TestServerOptions options)
    {
        _recorder = recorder;
        _clock = clock;
        _bodyLimit = options.MaxRecordedBodyBytes;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        HttpRequest request = context.Request;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in request.Headers)
        {
            foreach (string? value in header.Value)
            {
                headers.Add(new(header.Key, value ?? ""));
            }
        }

        string rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var record = new RecordedRequest(
            context.Connection.Id, request.Method, rawTarget, request.Protocol, headers, _clock.UtcNow);
        _recorder.Add(record);
        request.Body = new RecordingStream(request.Body, record, _bodyLimit);

        // Set before the headers leave, so a client that has the answer also finds the status recorded.
        context.Response.OnStarting(() =>
        {
            record.Complete(context.Response.StatusCode);
            return Task.CompletedTask;
        });

        await next(context);
        if (!context.RequestAborted.IsCancellationRequested)
        {
            // Whatever the route left unread still belongs to the record.
            await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
    }
}
