namespace BackendAI.TestServer;

/// <summary>The keypairs the local manager knows (the table of the conformance vectors).</summary>
public static class TestKeypairs
{
    /// <summary>Gets the access key of the default test keypair.</summary>
    public const string DefaultAccessKey = "AKTESTKEY00000000000";

    /// <summary>Gets the secret key of the default test keypair.</summary>
    public const string DefaultSecretKey = "test-secret-key-0123456789abcdefghijklmn";

    /// <summary>Gets the access key of the second keypair.</summary>
    public const string SecondAccessKey = "AKTESTKEY00000000001";

    /// <summary>Gets the access key of the keypair whose secret is not ASCII.</summary>
    public const string UnicodeAccessKey = "AKUNICODEKEY00000000";

    /// <summary>Gets every keypair: access key to secret key.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DefaultAccessKey] = DefaultSecretKey,
        [SecondAccessKey] = "second-secret-key-ABCDEFGHIJKLMNOPQRSTUV",
        [UnicodeAccessKey] = "sécrét-ключ-🔑-!@#$%^&*()",
    };

    /// <summary>Finds the secret key of <paramref name="accessKey"/>.</summary>
    public static bool TryGetSecret(string accessKey, out string secretKey) =>
        All.TryGetValue(accessKey, out secretKey!);
}
