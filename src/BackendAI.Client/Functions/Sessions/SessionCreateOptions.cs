namespace BackendAI.Client.Functions.Sessions;

/// <summary>What to create: the parameters of <c>POST /session</c> (manager API v8.20240315).</summary>
/// <remarks>
/// Domain and group default to the configuration's; the configured auto-mounted folders are added
/// after <see cref="Mounts"/>. Unset optional values are not sent, so the manager applies its defaults.
/// </remarks>
public sealed class SessionCreateOptions
{
    /// <summary>Gets or sets the container image reference, such as <c>python:3.9-ubuntu20.04</c>. Required.</summary>
    public string Image { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the session name; a session of this name is reused when it exists (unless
    /// <see cref="ReuseIfExists"/> is false).
    /// </summary>
    public string? Name { get; set; }

    /// <summary>
    /// Gets or sets the session type: <c>interactive</c> (the default when null), <c>batch</c> or <c>inference</c>.
    /// </summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the project (group); the configuration's group when null.</summary>
    public string? Group { get; set; }

    /// <summary>Gets or sets the domain; the configuration's domain when null.</summary>
    public string? Domain { get; set; }

    /// <summary>Gets the virtual folders to mount; the configured ones are appended, without duplicates.</summary>
    public IList<string> Mounts { get; } = [];

    /// <summary>Gets the environment variables for the session's containers.</summary>
    public IDictionary<string, string> Environment { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the resource slots requested, such as <c>cpu</c> = <c>2</c>, <c>mem</c> = <c>4g</c>.</summary>
    public IDictionary<string, string> Resources { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the scaling group (resource group) to run in.</summary>
    public string? ScalingGroup { get; set; }

    /// <summary>Gets or sets the number of containers of a cluster session. Default 1.</summary>
    public int ClusterSize { get; set; } = 1;

    /// <summary>Gets or sets the cluster mode: <c>single-node</c> (default) or <c>multi-node</c>.</summary>
    public string ClusterMode { get; set; } = "single-node";

    /// <summary>Gets or sets a value indicating whether the call returns as soon as the session is queued.</summary>
    public bool EnqueueOnly { get; set; }

    /// <summary>
    /// Gets or sets how long the manager waits for the session to start, in seconds (0: the manager's default).
    /// </summary>
    public int MaxWaitSeconds { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether an existing session of the same name is reused. Default true.
    /// </summary>
    public bool ReuseIfExists { get; set; } = true;

    /// <summary>Gets or sets the command run when a batch session starts.</summary>
    public string? StartupCommand { get; set; }

    /// <summary>Gets or sets a script run in the container before the session starts.</summary>
    public string? BootstrapScript { get; set; }

    /// <summary>Gets or sets a free-form tag.</summary>
    public string? Tag { get; set; }

    /// <summary>Gets or sets the CPU architecture of the image, such as <c>x86_64</c>.</summary>
    public string? Architecture { get; set; }

    /// <summary>Gets or sets the access key of the user who owns the session (administrators only).</summary>
    public string? OwnerAccessKey { get; set; }
}
