using System.Collections.ObjectModel;
using System.Globalization;
using BackendAI.Client.Transport;

namespace BackendAI.Client.Configuration;

/// <summary>
/// The validated, immutable configuration of a Backend.AI client. Each setting comes from an explicit option,
/// else its <c>BACKEND_*</c> (or legacy <c>SORNA_*</c>) environment variable, else the nearest <c>.env</c>
/// file, else its default. The only changing part is the endpoint pool, shared by every client built from
/// this configuration, which decides the preferred <see cref="Endpoint"/>.
/// </summary>
public sealed partial class ApiConfig
{
    internal const string DefaultVersion = "v8.20240315";

    internal const string DefaultHashType = "sha256";

    internal static readonly TimeSpan DefaultConnectionTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Builds a configuration from the options, the process environment and the nearest <c>.env</c> file
    /// (searched from the current directory upwards).
    /// </summary>
    /// <param name="options">The explicit settings; null means none.</param>
    /// <exception cref="ConfigurationException">A value is missing or cannot be accepted.</exception>
    public ApiConfig(ApiConfigOptions? options = null)
        : this(options ?? new ApiConfigOptions(), ConfigurationEnvironment.FromProcess())
    {
    }

    private ApiConfig(ApiConfigOptions options, ConfigurationEnvironment environment)
    {
        var resolver = new ApiConfigResolver(options, environment);

        Environment = environment;
        EndpointType = resolver.EndpointType();
        ShuffleEndpoints = resolver.ShuffleEndpoints();
        Endpoints = Shuffle(resolver.Endpoints(), ShuffleEndpoints, options.ShuffleRandom);
        Domain = resolver.Domain();
        Group = resolver.Group();
        StorageProxyAddressMap = resolver.StorageProxyAddressMap();
        Version = resolver.Version();
        UserAgent = resolver.UserAgent();
        HashType = resolver.HashType();
        VfolderMounts = resolver.VfolderMounts();
        SkipSslCertValidation = resolver.SkipSslCertValidation();
        ConnectionTimeout = resolver.ConnectionTimeout();
        ReadTimeout = resolver.ReadTimeout();
        LoadBalancing = resolver.LoadBalancing();
        AnnouncementHandler = options.AnnouncementHandler;

        var (accessKey, accessKeySource) = resolver.Key(options.AccessKey, "access_key");
        var (secretKey, _) = resolver.Key(options.SecretKey, "secret_key");
        if (EndpointType == EndpointType.Api && accessKey.Length > 0 && secretKey.Length == 0)
        {
            throw MissingSecretKey(accessKeySource);
        }

        AccessKey = accessKey;
        SecretKey = secretKey;

        // The list keeps a repeated endpoint as configured; the pool tracks each endpoint once.
        Pool = new EndpointPool(
            Endpoints.Distinct().ToList(), LoadBalancing, options.TimeProvider, options.ShuffleRandom);
    }

    /// <summary>
    /// Gets the default of each setting that has an environment variable, except the keys, by seed name:
    /// <c>endpoint</c>, <c>endpoint_type</c>, <c>domain</c>, <c>group</c>, <c>storage_proxy_address_map</c>,
    /// <c>version</c>, <c>hash_type</c>, <c>connection_timeout</c> and <c>read_timeout</c> (as text, as in the
    /// environment; the map is an empty read-only dictionary).
    /// </summary>
    public static IReadOnlyDictionary<string, object> Defaults { get; } = new Dictionary<string, object>
    {
        ["connection_timeout"] = "10.0",
        ["domain"] = "default",
        ["endpoint"] = string.Empty,
        ["endpoint_type"] = "api",
        ["group"] = "default",
        ["hash_type"] = DefaultHashType,
        ["read_timeout"] = "0",
        ["storage_proxy_address_map"] = new Dictionary<string, string>().AsReadOnly(),
        ["version"] = DefaultVersion,
    }.AsReadOnly();

    /// <summary>
    /// Gets the currently preferred endpoint (it changes after a fail-over); null when none is set.
    /// </summary>
    public Uri? Endpoint => Pool.Preferred;

    /// <summary>
    /// Gets every configured endpoint (<c>BACKEND_ENDPOINT</c>, comma-separated), in the order fixed when the
    /// configuration was built: shuffled once unless shuffling is off. Default: none.
    /// </summary>
    public IReadOnlyList<Uri> Endpoints { get; }

    /// <summary>Gets how the client authenticates (<c>BACKEND_ENDPOINT_TYPE</c>). Default: api.</summary>
    public EndpointType EndpointType { get; }

    /// <summary>
    /// Gets the domain name sent with every request (<c>BACKEND_DOMAIN</c>). Default: <c>default</c>.
    /// </summary>
    public string Domain { get; }

    /// <summary>
    /// Gets the default group (project) for new sessions (<c>BACKEND_GROUP</c>). Default: <c>default</c>.
    /// </summary>
    public string Group { get; }

    /// <summary>
    /// Gets the storage-proxy URL rewrites (<c>BACKEND_OVERRIDE_STORAGE_PROXY</c>, <c>FROM=TO,…</c>).
    /// Default: empty.
    /// </summary>
    public IReadOnlyDictionary<string, string> StorageProxyAddressMap { get; }

    /// <summary>
    /// Gets the API version the client speaks (<c>BACKEND_VERSION</c>). Default: <c>v8.20240315</c>.
    /// </summary>
    public string Version { get; }

    /// <summary>
    /// Gets the <c>User-Agent</c> header value. Default: <c>Backend.AI Client for .NET &lt;version&gt;</c>.
    /// </summary>
    public string UserAgent { get; }

    /// <summary>Gets the access key (<c>BACKEND_ACCESS_KEY</c>); empty means anonymous. Default: empty.</summary>
    public string AccessKey { get; }

    /// <summary>
    /// Gets the secret key (<c>BACKEND_SECRET_KEY</c>). Never shown by <see cref="ToString"/>. Default: empty.
    /// </summary>
    public string SecretKey { get; }

    /// <summary>
    /// Gets the signature hash type, lower-case as the manager spells it (<c>BACKEND_HASH_TYPE</c>).
    /// Default: <c>sha256</c>.
    /// </summary>
    public string HashType { get; }

    /// <summary>
    /// Gets the virtual folders mounted in new sessions: the option's entries, then those of
    /// <c>BACKEND_VFOLDER_MOUNTS</c>, each once. Default: none.
    /// </summary>
    public IReadOnlyList<string> VfolderMounts { get; }

    /// <summary>
    /// Gets whether TLS certificates are not validated (<c>BACKEND_SKIP_SSLCERT_VALIDATION</c>). Default: false.
    /// </summary>
    public bool SkipSslCertValidation { get; }

    /// <summary>
    /// Gets the TCP and TLS connect timeout (<c>BACKEND_CONNECTION_TIMEOUT</c>, seconds);
    /// <see cref="TimeSpan.Zero"/> means no limit. Default: 10 seconds.
    /// </summary>
    public TimeSpan ConnectionTimeout { get; }

    /// <summary>
    /// Gets the longest wait for the first response byte and between later reads (<c>BACKEND_READ_TIMEOUT</c>,
    /// seconds); <see cref="TimeSpan.Zero"/> means no limit. Default: no limit.
    /// </summary>
    public TimeSpan ReadTimeout { get; }

    /// <summary>Gets the handler called with the server's announcement, if any. Default: none.</summary>
    public Action<string>? AnnouncementHandler { get; }

    /// <summary>Gets whether requests go unsigned: API mode with an empty access key.</summary>
    public bool IsAnonymous => EndpointType == EndpointType.Api && AccessKey.Length == 0;

    /// <summary>
    /// Gets how requests are spread over the endpoints (<c>BACKEND_LOAD_BALANCING</c>). Default: failover.
    /// </summary>
    public LoadBalancingStrategy LoadBalancing { get; }

    /// <summary>
    /// Gets whether the endpoint order was shuffled once (<c>BACKEND_ENDPOINT_SHUFFLE</c>). Default: true.
    /// </summary>
    public bool ShuffleEndpoints { get; }

    /// <summary>
    /// Gets the environment snapshot this configuration was built from, for settings read later
    /// (<c>BACKEND_STATE_DIR</c>, <c>BACKEND_USER</c>, <c>BACKEND_PASSWORD</c>).
    /// </summary>
    public ConfigurationEnvironment Environment { get; }

    internal EndpointPool Pool { get; }

    /// <summary>
    /// Builds a configuration from the options and the given environment snapshot instead of the process's.
    /// </summary>
    /// <param name="options">The explicit settings; null means none.</param>
    /// <param name="environment">The variables (and <c>.env</c> file) to read.</param>
    /// <returns>The validated configuration.</returns>
    /// <exception cref="ConfigurationException">A value is missing or cannot be accepted.</exception>
    public static ApiConfig Create(ApiConfigOptions? options, ConfigurationEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        return new ApiConfig(options ?? new ApiConfigOptions(), environment);
    }

    /// <summary>Returns a one-line summary; the secret key shows at most its last four characters.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"ApiConfig {{ Endpoints = [{string.Join(", ", Endpoints)}], EndpointType = {EndpointType}, "
        + $"Domain = {Domain}, Group = {Group}, Version = {Version}, AccessKey = {AccessKey}, "
        + $"SecretKey = {SecretRedaction.Mask(SecretKey)}, HashType = {HashType}, "
        + $"ConnectionTimeout = {ConnectionTimeout.TotalSeconds} s, "
        + $"ReadTimeout = {ReadTimeout.TotalSeconds} s }}");

    private static ReadOnlyCollection<Uri> Shuffle(IReadOnlyList<Uri> configured, bool shuffle, Random? random)
    {
        var endpoints = configured.ToArray();
        if (shuffle)
        {
            (random ?? Random.Shared).Shuffle(endpoints);
        }

        return Array.AsReadOnly(endpoints);
    }

    /// <param name="accessKeySource">Where the access key came from; null for the parameter.</param>
    private static ConfigurationException MissingSecretKey(string? accessKeySource)
    {
        var where = accessKeySource ?? "The AccessKey parameter (access_key)";
        var source = accessKeySource is null ? "parameter SecretKey (secret_key)" : "BACKEND_SECRET_KEY";
        return new ConfigurationException(
            $"{where} sets an access key but no secret key is given. Accepted: the secret key in the SecretKey "
            + "parameter (secret_key) or in BACKEND_SECRET_KEY (or SORNA_SECRET_KEY); or an empty access key "
            + "for anonymous access; or endpoint type session.",
            source,
            nameof(SecretKey));
    }
}
