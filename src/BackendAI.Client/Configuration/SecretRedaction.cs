namespace BackendAI.Client.Configuration;

/// <summary>Shows secrets without revealing them.</summary>
public static class SecretRedaction
{
    /// <summary>The shortest secret of which the last four characters may be shown.</summary>
    public const int MinimumLengthForHint = 12;

    /// <summary>
    /// Returns a display form of a secret: empty for an empty secret, <c>****</c> followed by the last four
    /// characters when the secret has at least <see cref="MinimumLengthForHint"/> characters, else <c>****</c>.
    /// </summary>
    /// <param name="secret">The secret, for example a secret key.</param>
    /// <returns>The display form.</returns>
    public static string Mask(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return string.Empty;
        }

        return secret.Length >= MinimumLengthForHint ? "****" + secret[^4..] : "****";
    }
}
