namespace BackendAI.TestServer.Verification;

/// <summary>The parsed <c>Authorization</c> header, split as the manager splits it.</summary>
internal sealed record AuthorizationParameters(string SignMethod, string AccessKey, string Signature)
{
    /// <summary>
    /// Parses the header: the scheme (<c>BackendAI</c> or <c>Sorna</c>) before the first space, then
    /// comma-separated <c>key=value</c> pairs, trimmed. Returns null with no problem when the header is absent or
    /// empty; a problem when it is malformed (a pair without <c>=</c> is refused with 400, where the manager
    /// itself fails with 500).
    /// </summary>
    public static AuthorizationParameters? Parse(string? header, out Problem? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        int space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            problem = Problem.InvalidAuthParameters("Malformed authorization header");
            return null;
        }

        string scheme = header[..space];
        if (scheme is not ("BackendAI" or "Sorna"))
        {
            problem = Problem.InvalidAuthParameters("Invalid authorization type name");
            return null;
        }

        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string piece in header[(space + 1)..].Split(','))
        {
            string pair = piece.Trim();
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                problem = Malformed();
                return null;
            }

            pairs[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }

        if (!pairs.TryGetValue("credential", out string? credential)
            || !pairs.TryGetValue("signMethod", out string? method)
            || credential.IndexOf(':', StringComparison.Ordinal) is var colon && colon < 0)
        {
            problem = Malformed();
            return null;
        }

        return new AuthorizationParameters(method, credential[..colon], credential[(colon + 1)..]);
    }

    private static Problem Malformed() =>
        Problem.InvalidAuthParameters("Missing or malformed authorization parameters");
}
