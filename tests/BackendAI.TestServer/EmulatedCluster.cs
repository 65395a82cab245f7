using BackendAI.TestServer.Emulation;

namespace BackendAI.TestServer;

/// <summary>
/// Starts a local server in emulation mode: a manager (signed routes for sessions and folders), a web
/// server (<c>/server/*</c> and cookie-guarded <c>/func/*</c>) and a storage proxy (<c>/upload</c>,
/// <c>/download</c>, authorised by their tokens) on one port, all backed by one <see cref="EmulationState"/>.
/// </summary>
public static class EmulatedCluster
{
    /// <summary>Starts the server.</summary>
    /// <param name="state">The emulated cluster's state; the caller owns and disposes it.</param>
    /// <param name="configure">Adjusts the options (port, clock, logging) before the start.</param>
    /// <returns>The running server.</returns>
    public static Task<TestServerHost> StartAsync(EmulationState state, Action<TestServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(state);

        var options = new TestServerOptions
        {
            Mode = TestServerMode.Emulation,
            SkipVerification = static context => IsUnsigned(context.Request.Path) || IsAnonymous(context.Request),
            ConfigureRoutes = app =>
            {
                ManagerRoutes.Map(app, state);
                StorageProxyRoutes.Map(app, state);
                WebServerRoutes.Map(app, state);
            },
        };
        configure?.Invoke(options);
        return TestServerHost.StartAsync(options);
    }

    /// <summary>
    /// The manager lets an unsigned request change an expired password (its user cannot log in); a request that
    /// carries a signature there is still verified.
    /// </summary>
    private static bool IsAnonymous(HttpRequest request) =>
        request.Path == "/auth/update-password-no-auth" && !request.Headers.ContainsKey("Authorization");

    /// <summary>Paths authorised otherwise than by a keypair signature: login cookie or transfer token.</summary>
    private static bool IsUnsigned(PathString path) =>
        path.StartsWithSegments("/server") || path.StartsWithSegments("/func")
        || path.StartsWithSegments("/upload") || path.StartsWithSegments("/download");
}
