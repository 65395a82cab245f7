namespace BackendAI.Client.Configuration;

/// <summary>Parses endpoint URLs: absolute http or https URLs with a host and without user credentials.</summary>
internal static class EndpointParser
{
    private const string Accepted =
        "absolute http:// or https:// URLs with a host (for example https://api.example.com:8081), "
        + "separated by commas";

    /// <summary>Parses a comma-separated list; entries are trimmed and empty entries skipped.</summary>
    internal static List<Uri> ParseList(string text, SettingOrigin origin) =>
        Parse(ValueParsers.SplitList(text), origin);

    /// <summary>Parses a list given from code; entries are trimmed and empty entries skipped.</summary>
    internal static List<Uri> Parse(IEnumerable<string?> entries, SettingOrigin origin)
    {
        var endpoints = new List<Uri>();
        foreach (var entry in entries)
        {
            var trimmed = entry?.Trim();
            if (!string.IsNullOrEmpty(trimmed))
            {
                endpoints.Add(ParseOne(trimmed, endpoints.Count + 1, origin));
            }
        }

        return endpoints;
    }

    private static Uri ParseOne(string entry, int position, SettingOrigin origin)
    {
        // Uri accepts "/path" and "//host" as file URIs and "host:port" as a URI with scheme "host";
        // requiring an explicit http(s) scheme rejects all of them.
        var looksLikeHttp = entry.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || entry.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (!looksLikeHttp || !Uri.TryCreate(entry, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw origin.Reject(entry, $"(entry {position}) is not an absolute http(s) URL", Accepted);
        }

        if (uri.UserInfo.Length > 0)
        {
            // The entry is not quoted: it holds a password.
            throw origin.Reject(
                quotedValue: null,
                $"(entry {position}) contains user credentials (user:password@), which do not belong in "
                + "an endpoint URL",
                "the URL without the user:password@ part; authenticate with the access and secret key, or with "
                + "'backend.ai login' in session mode");
        }

        return uri;
    }
}
