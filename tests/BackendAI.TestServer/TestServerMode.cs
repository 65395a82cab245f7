namespace BackendAI.TestServer;

/// <summary>What the local manager answers once a request is verified.</summary>
public enum TestServerMode
{
    /// <summary>Every authenticated path answers 200 with a JSON echo of the request.</summary>
    VerifyOnly,

    /// <summary>
    /// Only routes added through <see cref="TestServerOptions.ConfigureRoutes"/> answer; others get 404.
    /// </summary>
    Emulation,
}
