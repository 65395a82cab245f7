using System.CommandLine;
using BackendAI.Client.Authentication;
using BackendAI.Client.Configuration;

namespace BackendAI.Cli.Commands;

/// <summary>What <c>config</c> learns from the server and the login store beyond the configuration.</summary>
/// <param name="Contacted">Whether the server was asked at all (not when no endpoint is configured).</param>
/// <param name="Answered">Whether the server answered the version probe in time.</param>
/// <param name="ServerVersion">The server's API version; null when it did not answer or did not say.</param>
/// <param name="ManagerVersion">The manager's release; null when the server did not answer or did not say.</param>
/// <param name="NegotiatedVersion">The API version requests would use; null without an answer.</param>
/// <param name="LoggedInUser">The logged-in user (session mode); null when none.</param>
/// <param name="LoginProblem">Why the kept login could not be read, or null.</param>
internal sealed record ConfigServerStatus(
    bool Contacted,
    bool Answered,
    string? ServerVersion,
    string? ManagerVersion,
    string? NegotiatedVersion,
    string? LoggedInUser,
    string? LoginProblem)
{
    // CancellationTokenSource.CancelAfter takes at most this long; a longer timeout is as good as none.
    private static readonly TimeSpan LongestBound = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>
    /// Asks the server for its versions (the client's opening, bounded by the connect timeout) and reads the
    /// kept login in session mode. With no endpoint configured, nothing is sent.
    /// </summary>
    internal static async Task<ConfigServerStatus> FetchAsync(
        CliContext context, ApiConfig config, ParseResult parseResult, CancellationToken cancellationToken)
    {
        if (config.Endpoint is null)
        {
            return new ConfigServerStatus(false, false, null, null, null, null, null);
        }

        using var client = context.CreateClient(config, parseResult);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (config.ConnectionTimeout > TimeSpan.Zero && config.ConnectionTimeout < LongestBound)
        {
            bound.CancelAfter(config.ConnectionTimeout);
        }

        try
        {
            // Opening negotiates the version; a server that cannot be reached leaves Server null.
            await client.OpenAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The connect timeout passed before the server answered: shown as "failed to fetch".
        }

        string? user = null;
        string? problem = null;
        if (config.EndpointType == EndpointType.Session)
        {
            try
            {
                user = client.Auth.LoggedInUser;
            }
            catch (LoginStoreException ex)
            {
                problem = ex.Message;
            }
        }

        var server = client.Server;
        return new ConfigServerStatus(
            true, server is not null, server?.Version, server?.Manager, server is null ? null : client.ApiVersion,
            user, problem);
    }
}
