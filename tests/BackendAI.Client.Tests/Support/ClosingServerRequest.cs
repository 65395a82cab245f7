namespace BackendAI.Client.Tests.Support;

/// <summary>One request as <see cref="ClosingKeepAliveServer"/> received it.</summary>
/// <param name="Connection">The number of the connection it came on, from 1.</param>
/// <param name="Method">The method.</param>
/// <param name="Target">The request-target.</param>
/// <param name="Complete">Whether the whole body (per <c>Content-Length</c>) arrived.</param>
internal sealed record ClosingServerRequest(int Connection, string Method, string Target, bool Complete);
