using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace BackendAI.TestServer.Verification;

/// <summary>
/// Checks each request as manager 24.03 does, in its order: method spelling, API version, the public routes,
/// the date (15-minute window), the <c>Authorization</c> header, the access key, the signing method and the
/// signature over the raw request-target and the received <c>Host</c>. A verified request continues with its
/// access key in <see cref="HttpContext.Items"/> under <see cref="AccessKeyItem"/>.
/// </summary>
internal sealed class ManagerVerification
{
    /// <summary>The <see cref="HttpContext.Items"/> key holding the verified access key.</summary>
    public const string AccessKeyItem = "BackendAI.AccessKey";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ServerClock _clock;
    private readonly TestServerOptions _options;

    public ManagerVerification(ServerClock clock, TestServerOptions options)
    {
        _clock = clock;
        _options = options;
    }

    /// <summary>
    /// Gets a value indicating whether a route answers without authentication: the version probe, the
    /// announcement, and the expired-password change (its body carries the credentials).
    /// </summary>
    public static bool IsPublic(string method, PathString path) =>
        (method is "GET" or "HEAD"
            && (path == "/" || path == "/func" || path == "/func/" || path == "/manager/announcement"))
        || (method == "POST" && path == "/auth/update-password-no-auth");

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (_options.SkipVerification?.Invoke(context) == true)
        {
            await next(context);
            return;
        }

        HttpRequest request = context.Request;
        if (request.Method.Any(char.IsAsciiLetterLower))
        {
            // The manager's HTTP parser refuses a lower-case method before any handler runs.
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("400: Bad Request");
            return;
        }

        string? newVersion = NonEmpty(request.Headers["X-BackendAI-Version"]);
        string? legacyVersion = NonEmpty(request.Headers["X-Sorna-Version"]);
        if ((newVersion ?? legacyVersion) is { } version && !ApiVersions.IsValid(version))
        {
            await Problem.GenericBadRequest("Unsupported API version.").WriteAsync(context.Response);
            return;
        }

        string? methodOverride = NonEmpty(request.Headers["X-Method-Override"]);
        if (IsPublic(methodOverride ?? request.Method, request.Path))
        {
            await next(context);
            return;
        }

        // An overridden method is re-routed past the manager's authentication step, so it is never authorized.
        Problem? problem = methodOverride is not null
            ? Problem.AuthorizationFailed("Unauthorized access")
            : Verify(context, newVersion, legacyVersion);
        if (problem is not null)
        {
            await problem.WriteAsync(context.Response);
            return;
        }

        await next(context);
    }

    private Problem? Verify(HttpContext context, string? newVersion, string? legacyVersion)
    {
        IHeaderDictionary headers = context.Request.Headers;
        string? rawDate = NonEmpty(headers.Date)
            ?? First(headers["X-BackendAI-Date"]) ?? First(headers["X-Sorna-Date"]);
        if (string.IsNullOrEmpty(rawDate) || !ManagerDate.TryParse(rawDate, out DateTimeOffset date, out string day)
            || !IsWithinWindow(date))
        {
            return Problem.InvalidAuthParameters("Date/time sync error");
        }

        AuthorizationParameters? auth =
            AuthorizationParameters.Parse(First(headers.Authorization), out Problem? problem);
        if (auth is null)
        {
            return problem ?? Problem.AuthorizationFailed("Unauthorized access");
        }

        if (!TestKeypairs.TryGetSecret(auth.AccessKey, out string secretKey))
        {
            return Problem.AuthorizationFailed("Access key not found");
        }

        string[] method = auth.SignMethod.Split('-');
        if (method.Length != 2)
        {
            return Problem.AuthorizationFailed("Invalid signature");
        }

        string hashType = method[1].ToLowerInvariant();
        if (!string.Equals(method[0], "hmac", StringComparison.OrdinalIgnoreCase))
        {
            return Problem.InvalidAuthParameters("Unsupported request signing method (MAC type)");
        }

        // shake_128/256 are "guaranteed" but have no fixed digest: the manager fails with 500, we refuse with 400.
        if (!ManagerHmac.HasFixedDigest(hashType))
        {
            return Problem.InvalidAuthParameters("Unsupported request signing method (hash type)");
        }

        if (newVersion is null && legacyVersion is null)
        {
            return Problem.InvalidAuthParameters("API version missing in request headers");
        }

        // Every version the manager accepts (v4.20181215 on) leaves the body out of the signature.
        string host = First(headers.Host) ?? _options.ServerHostName;
        string versionLine = newVersion is not null
            ? "x-backendai-version:" + newVersion
            : "x-sorna-version:" + legacyVersion;
        string rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        string stringToSign = string.Join('\n',
            context.Request.Method, rawTarget, rawDate, "host:" + host,
            "content-type:" + MediaType(First(headers.ContentType)), versionLine,
            ManagerHmac.EmptyDigestHex(hashType));
        string expected = ManagerHmac.Sign(hashType, secretKey, day, host, stringToSign);
        byte[] presented = Encoding.UTF8.GetBytes(auth.Signature);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), presented))
        {
            return Problem.AuthorizationFailed("Signature mismatch");
        }

        context.Items[AccessKeyItem] = auth.AccessKey;
        return null;
    }

    private bool IsWithinWindow(DateTimeOffset date)
    {
        DateTimeOffset now = _clock.UtcNow;
        return now - Window < date && date < now + Window;
    }

    /// <summary>The media type as Python's e-mail header parser reads it (what the manager signs).</summary>
    private static string MediaType(string? header)
    {
        if (header is null)
        {
            return "application/octet-stream";
        }

        string value = header.Split(';', 2)[0].Trim().ToLowerInvariant();
        return value.Count(c => c == '/') == 1 ? value : "text/plain";
    }

    private static string? First(StringValues values) => values.Count > 0 ? values[0] : null;

    private static string? NonEmpty(StringValues values) => First(values) is { Length: > 0 } value ? value : null;
}
