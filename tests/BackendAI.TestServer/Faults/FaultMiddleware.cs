using Microsoft.AspNetCore.Http.Features;

namespace BackendAI.TestServer.Faults;

/// <summary>Applies the injected fault, if one matches, before the request reaches verification and routes.</summary>
internal sealed class FaultMiddleware
{
    private readonly FaultInjector _faults;

    public FaultMiddleware(FaultInjector faults)
    {
        _faults = faults;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        switch (_faults.TakeFor(context.Request.Path.Value ?? "/"))
        {
            case StallFault stall:
                await Task.Delay(stall.Delay, context.RequestAborted);
                await next(context);
                break;

            case StallAfterBodyFault stall:
                // The recorder keeps the body as it is read here; the route then finds it consumed.
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                await Task.Delay(stall.Delay, context.RequestAborted);
                await next(context);
                break;

            case ResetFault:
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                context.Abort();
                break;

            case StatusFault status:
                context.Response.StatusCode = status.StatusCode;
                if (status.Location is not null)
                {
                    context.Response.Headers.Location = status.Location;
                }

                await context.Response.WriteAsync(status.Body, context.RequestAborted);
                break;

            case SlowBodyFault slow:
                context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
                Stream original = context.Response.Body;
                context.Response.Body = new DribbleStream(original, slow.Gap, slow.ChunkSize);
                await next(context);
                context.Response.Body = original;

                break;

            default:
                await next(context);
                break;
        }
    }
}
