using Microsoft.Extensions.Logging;

namespace BackendAI.Client;

/// <summary>Options of a <see cref="BackendAIClient"/> that are not part of the API configuration.</summary>
public sealed class BackendAIClientOptions
{
    /// <summary>Gets or sets the logger factory; <see langword="null"/> (the default) logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Gets or sets where session-mode logins are kept; by default a file under the state directory
    /// (<c>BACKEND_STATE_DIR</c>, else <c>$XDG_STATE_HOME/backend.ai</c> or <c>~/.local/state/backend.ai</c>).
    /// </summary>
    public Authentication.LoginStore? LoginStore { get; set; }

    /// <summary>
    /// Gets or sets the clock used for request dates and latencies. Default: the configuration's clock
    /// (<see cref="Configuration.ApiConfigOptions.TimeProvider"/>, which also times the endpoints' backoff),
    /// else the system clock.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether opening the client asks the server for its API version and
    /// uses the lower of the server's and the configured one. Default: <see langword="true"/>.
    /// </summary>
    public bool NegotiateVersion { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether opening the client fetches the announcement and passes it to
    /// the configuration's announcement handler (when one is set). Default: <see langword="true"/>.
    /// </summary>
    public bool FetchAnnouncement { get; set; } = true;
}
