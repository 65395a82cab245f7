using BackendAI.Client.Configuration;

namespace BackendAI.Cli.Commands;

/// <summary>
/// Refuses the login commands when the endpoint type is not <c>session</c>: in api mode requests are signed with a
/// keypair and there is nothing to log in to. The refusal exits with 2, as a configuration error does, because the
/// fix is in the configuration.
/// </summary>
internal static class LoginModeGuard
{
    /// <summary>Writes the refusal and returns its exit code, or returns null in session mode.</summary>
    /// <param name="context">The command context.</param>
    /// <param name="config">The configuration in effect.</param>
    /// <param name="command">The command's name, for example <c>login</c>.</param>
    internal static int? RefuseUnlessSessionMode(CliContext context, ApiConfig config, string command)
    {
        if (config.EndpointType == EndpointType.Session)
        {
            return null;
        }

        context.Error.WriteLine(
            $"'backend.ai {command}' works in session mode only, but the endpoint type is 'api' (requests are "
            + "signed with the access and secret keys; there is no login). To log in through a web server, set "
            + "BACKEND_ENDPOINT_TYPE=session and BACKEND_ENDPOINT to the web server's URL.");
        return ExitCodes.ConfigurationError;
    }
}
