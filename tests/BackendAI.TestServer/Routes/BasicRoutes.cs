using System.Text.Json.Nodes;
using BackendAI.TestServer.Verification;
using Microsoft.AspNetCore.Http.Features;

namespace BackendAI.TestServer.Routes;

/// <summary>The routes every mode has: version probe, announcement, and the echo (verify-only) or a 404.</summary>
internal static class BasicRoutes
{
    /// <summary>
    /// Adds <c>GET /</c>, and in verify-only mode <c>GET /func/</c> and <c>GET /manager/announcement</c>
    /// (in emulation mode the emulated web server and manager serve those two).
    /// </summary>
    public static void MapPublic(WebApplication app, Announcement announcement, TestServerMode mode)
    {
        string versions = new JsonObject
        {
            ["version"] = ApiVersions.Current,
            ["manager"] = ApiVersions.ManagerRelease,
        }.ToJsonString();
        app.MapGet("/", () => Results.Text(versions, "application/json"));
        if (mode == TestServerMode.Emulation)
        {
            return;
        }

        app.MapGet("/func/", () => Results.Text(versions, "application/json"));
        app.MapGet("/manager/announcement", () =>
        {
            (bool enabled, string message) = announcement.Read();
            return Results.Text(
                new JsonObject { ["enabled"] = enabled, ["message"] = message }.ToJsonString(), "application/json");
        });
    }

    /// <summary>Adds the fallback: an echo of the verified request, or the manager's 404 in emulation mode.</summary>
    public static void MapFallback(WebApplication app, TestServerMode mode)
    {
        if (mode == TestServerMode.Emulation)
        {
            app.MapFallback(context => Problem.NotFound().WriteAsync(context.Response));
            return;
        }

        app.Map("/{**path}", EchoAsync);
    }

    private static async Task EchoAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);

        var echo = new JsonObject
        {
            ["method"] = request.Method,
            ["target"] = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            ["path"] = request.Path.Value,
            ["query"] = request.QueryString.Value,
            ["host"] = request.Headers.Host.ToString(),
            ["content_type"] = request.ContentType,
            ["access_key"] = context.Items[ManagerVerification.AccessKeyItem] as string,
            ["body_length"] = body.Length,
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(echo.ToJsonString(), context.RequestAborted);
    }
}
