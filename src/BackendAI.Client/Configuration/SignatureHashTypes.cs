namespace BackendAI.Client.Configuration;

/// <summary>
/// The hash algorithms the Backend.AI manager accepts for HMAC request signatures.
/// </summary>
public static class SignatureHashTypes
{
    private static readonly string[] Names =
    [
        "md5", "sha1", "sha224", "sha256", "sha384", "sha512",
        "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s",
    ];

    /// <summary>Gets every supported hash type name, lower-case, as the manager spells it.</summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(Names);

    /// <summary>
    /// Checks a hash type name and returns its canonical lower-case spelling. Surrounding white space is
    /// ignored and letter case does not matter (the comparison uses the invariant culture).
    /// </summary>
    /// <param name="value">The name to check, for example <c>SHA3_256</c>.</param>
    /// <param name="normalized">The canonical name, for example <c>sha3_256</c>; empty when not supported.</param>
    /// <returns><see langword="true"/> when the name is a supported hash type.</returns>
    public static bool TryNormalize(string value, out string normalized)
    {
        ArgumentNullException.ThrowIfNull(value);

        var trimmed = value.Trim();
        foreach (var name in Names)
        {
            if (string.Equals(name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                normalized = name;
                return true;
            }
        }

        normalized = string.Empty;
        return false;
    }
}
