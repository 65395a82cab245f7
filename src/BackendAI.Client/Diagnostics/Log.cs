using Microsoft.Extensions.Logging;

namespace BackendAI.Client.Diagnostics;

/// <summary>
/// The client's log messages with stable event ids. They never carry the Authorization header,
/// cookies or keys: only methods, paths, endpoints, statuses and causes.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Debug, "Sending {Method} {Path} to {Endpoint}")]
    internal static partial void Sending(ILogger logger, string method, string path, Uri endpoint);

    [LoggerMessage(1002, LogLevel.Debug, "{Method} {Path} answered {Status} by {Endpoint} in {ElapsedMs} ms")]
    internal static partial void Answered(
        ILogger logger, string method, string path, int status, Uri endpoint, double elapsedMs);

    [LoggerMessage(
        1003,
        LogLevel.Warning,
        "{Method} {Path} failed on {Endpoint} ({Phase}, {Failure}): {Cause}; trying the next endpoint")]
    internal static partial void FailingOver(
        ILogger logger, string method, string path, Uri endpoint, RequestPhase phase, TransportFailure failure,
        string cause);

    [LoggerMessage(1004, LogLevel.Warning, "Endpoint {Endpoint} marked dead")]
    internal static partial void EndpointDead(ILogger logger, Uri endpoint);

    [LoggerMessage(1005, LogLevel.Information, "Endpoint {Endpoint} is alive again")]
    internal static partial void EndpointAlive(ILogger logger, Uri endpoint);

    [LoggerMessage(1006, LogLevel.Warning, "Clock skew corrected from {Endpoint}: offset {OffsetSeconds} s")]
    internal static partial void SkewCorrected(ILogger logger, Uri endpoint, double offsetSeconds);

    [LoggerMessage(
        1007,
        LogLevel.Information,
        "Negotiated API version {Version} (server {ServerVersion}, manager {Manager})")]
    internal static partial void Negotiated(ILogger logger, string version, string serverVersion, string? manager);

    [LoggerMessage(
        1008,
        LogLevel.Warning,
        "The server's API version {ServerVersion} is newer than this client's {ClientVersion}; "
        + "some features may be unavailable")]
    internal static partial void ServerNewer(ILogger logger, string serverVersion, string clientVersion);

    [LoggerMessage(
        1009,
        LogLevel.Warning,
        "The server's API version {ServerVersion} is older than {Oldest}, the oldest this client supports")]
    internal static partial void ServerTooOld(ILogger logger, string serverVersion, string oldest);

    [LoggerMessage(
        1010,
        LogLevel.Warning,
        "Version negotiation failed; using the configured version {Version}: {Cause}")]
    internal static partial void NegotiationFailed(ILogger logger, string version, string cause);

    [LoggerMessage(1011, LogLevel.Warning, "The announcement could not be fetched: {Cause}")]
    internal static partial void AnnouncementFailed(ILogger logger, string cause);

    [LoggerMessage(
        1012,
        LogLevel.Warning,
        "{Method} {Path} failed on {Endpoint} after its bytes may have reached it; not sent again")]
    internal static partial void OutcomeUnknown(ILogger logger, string method, string path, Uri endpoint);

    [LoggerMessage(1013, LogLevel.Warning,
        "The login cookie refreshed by the server could not be saved (the next process may need to log in): {Cause}")]
    internal static partial void LoginNotSaved(ILogger logger, string cause);
}
