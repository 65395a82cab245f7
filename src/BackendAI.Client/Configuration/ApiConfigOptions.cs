namespace BackendAI.Client.Configuration;

/// <summary>
/// The settings from which an <see cref="ApiConfig"/> is built. Every property is optional: a null value (or
/// an empty string) means "not given", and the setting then comes from its environment variable, the
/// <c>.env</c> file or its default, in that order. The access and secret keys are the exception: an explicit
/// empty string there means anonymous access. Bindable from the configuration section
/// <see cref="SectionName"/> with <see cref="ApiConfigOptionsConfigurationExtensions.GetApiConfigOptions"/>.
/// </summary>
public sealed class ApiConfigOptions
{
    /// <summary>The configuration section the options bind from: <c>BackendAI</c>.</summary>
    public const string SectionName = "BackendAI";

    /// <summary>
    /// Gets or sets the endpoint URL, or several separated by commas. Overrides <c>BACKEND_ENDPOINT</c>.
    /// Default: none. Set either this or <see cref="Endpoints"/>.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// Gets or sets the endpoint URLs as a list. Overrides <c>BACKEND_ENDPOINT</c>. Default: none.
    /// Set either this or <see cref="Endpoint"/>.
    /// </summary>
    public IList<string>? Endpoints { get; set; }

    /// <summary>
    /// Gets or sets how the client authenticates. Overrides <c>BACKEND_ENDPOINT_TYPE</c>.
    /// Default: <see cref="Configuration.EndpointType.Api"/>.
    /// </summary>
    public EndpointType? EndpointType { get; set; }

    /// <summary>Gets or sets the domain name. Overrides <c>BACKEND_DOMAIN</c>. Default: <c>default</c>.</summary>
    public string? Domain { get; set; }

    /// <summary>
    /// Gets or sets the group (project) name. Overrides <c>BACKEND_GROUP</c>. Default: <c>default</c>.
    /// </summary>
    public string? Group { get; set; }

    /// <summary>
    /// Gets or sets the storage-proxy address map (URL handed out by the manager → URL to use).
    /// Overrides <c>BACKEND_OVERRIDE_STORAGE_PROXY</c>, even when empty. Default: empty.
    /// </summary>
    public IDictionary<string, string>? StorageProxyAddressMap { get; set; }

    /// <summary>
    /// Gets or sets the API version, <c>v&lt;major&gt;.&lt;yyyymmdd&gt;</c>. Overrides <c>BACKEND_VERSION</c>.
    /// Default: <c>v8.20240315</c>.
    /// </summary>
    public string? Version { get; set; }

    /// <summary>
    /// Gets or sets the <c>User-Agent</c> header value. No environment variable.
    /// Default: <c>Backend.AI Client for .NET &lt;library version&gt;</c>.
    /// </summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// Gets or sets the access key; an empty string means anonymous. Overrides <c>BACKEND_ACCESS_KEY</c>.
    /// Default: empty (anonymous).
    /// </summary>
    public string? AccessKey { get; set; }

    /// <summary>
    /// Gets or sets the secret key, required with an access key in API mode. Overrides <c>BACKEND_SECRET_KEY</c>.
    /// Default: empty.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// Gets or sets the signature hash type (see <see cref="SignatureHashTypes.All"/>, any letter case).
    /// Overrides <c>BACKEND_HASH_TYPE</c>. Default: <c>sha256</c>.
    /// </summary>
    public string? HashType { get; set; }

    /// <summary>
    /// Gets or sets the virtual folders to mount in new sessions. Merged with <c>BACKEND_VFOLDER_MOUNTS</c>
    /// (these first, duplicates removed). Default: none.
    /// </summary>
    public IList<string>? VfolderMounts { get; set; }

    /// <summary>
    /// Gets or sets whether to skip TLS certificate validation; true or false both override
    /// <c>BACKEND_SKIP_SSLCERT_VALIDATION</c>. Default: false.
    /// </summary>
    public bool? SkipSslCertValidation { get; set; }

    /// <summary>
    /// Gets or sets the TCP and TLS connect timeout; zero or <see cref="Timeout.InfiniteTimeSpan"/> means no
    /// limit. Overrides <c>BACKEND_CONNECTION_TIMEOUT</c>. Default: 10 seconds.
    /// </summary>
    public TimeSpan? ConnectionTimeout { get; set; }

    /// <summary>
    /// Gets or sets the longest wait for the first response byte and between later reads; zero or
    /// <see cref="Timeout.InfiniteTimeSpan"/> means no limit. Overrides <c>BACKEND_READ_TIMEOUT</c>.
    /// Default: no limit.
    /// </summary>
    public TimeSpan? ReadTimeout { get; set; }

    /// <summary>
    /// Gets or sets the handler called with the server's announcement when a client session opens.
    /// Code only (not bound from configuration). Default: none.
    /// </summary>
    public Action<string>? AnnouncementHandler { get; set; }

    /// <summary>
    /// Gets or sets how requests are spread over the endpoints. Overrides <c>BACKEND_LOAD_BALANCING</c>
    /// (<c>failover</c>, <c>round_robin</c>, <c>lowest_latency</c>). Default: failover.
    /// </summary>
    public LoadBalancingStrategy? LoadBalancing { get; set; }

    /// <summary>
    /// Gets or sets whether the endpoint order is shuffled once when the configuration is built.
    /// Overrides <c>BACKEND_ENDPOINT_SHUFFLE</c>. Default: true.
    /// </summary>
    public bool? ShuffleEndpoints { get; set; }

    /// <summary>
    /// Gets or sets the randomness used for the endpoint shuffle and the pool's jitter; code only (not bound).
    /// Default: <see cref="Random.Shared"/>.
    /// </summary>
    public Random? ShuffleRandom { get; set; }

    /// <summary>
    /// Gets or sets the clock the endpoint pool uses for backoff and probing; code only (not bound).
    /// Default: <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Builds the configuration from these options, the process environment and the <c>.env</c> file.
    /// </summary>
    /// <returns>The validated configuration.</returns>
    /// <exception cref="ConfigurationException">A value is missing or cannot be accepted.</exception>
    public ApiConfig Build() => new(this);
}
