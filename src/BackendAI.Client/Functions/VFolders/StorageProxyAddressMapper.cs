namespace BackendAI.Client.Functions.VFolders;

/// <summary>
/// Rewrites the storage-proxy URLs the manager hands out, with the configuration's
/// <c>storage_proxy_address_map</c> (<c>BACKEND_OVERRIDE_STORAGE_PROXY</c>).
/// </summary>
/// <remarks>
/// A key matches the exact URL handed out, or its scheme and authority (so one entry written for the
/// proxy's base URL covers all its paths; the path and query are then kept). Keys that are not URLs
/// match nothing. With an empty map every URL is used as handed out.
/// </remarks>
internal static class StorageProxyAddressMapper
{
    /// <summary>
    /// Maps a handed-out URL; throws naming the URL and the map when a map is set and nothing matches.
    /// </summary>
    internal static Uri Map(string handedOut, IReadOnlyDictionary<string, string> map)
    {
        if (!Uri.TryCreate(handedOut, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new BackendAIProtocolException(
                $"The manager handed out a storage-proxy address that is not an http(s) URL: '{handedOut}'.");
        }

        if (map.Count == 0)
        {
            return url;
        }

        // An entry for the exact URL wins over one for the proxy's base URL, whatever their order.
        foreach (var (key, value) in map)
        {
            // Uri keeps scheme and host in lower case, so ordinal comparison ignores their case and no more.
            if (Uri.TryCreate(key, UriKind.Absolute, out var keyUrl) && Uri.Compare(keyUrl, url,
                    UriComponents.AbsoluteUri, UriFormat.UriEscaped, StringComparison.Ordinal) == 0)
            {
                return Target(value, key);
            }
        }

        foreach (var (key, value) in map)
        {
            if (Uri.TryCreate(key, UriKind.Absolute, out var keyUrl) && IsBaseOnly(keyUrl)
                && Uri.Compare(keyUrl, url, UriComponents.SchemeAndServer, UriFormat.UriEscaped,
                    StringComparison.Ordinal) == 0)
            {
                var target = Target(value, key);
                return new Uri(target.GetLeftPart(UriPartial.Path).TrimEnd('/') + url.PathAndQuery);
            }
        }

        var entries = string.Join(", ", map.Select(e => $"{e.Key}={e.Value}"));
        throw new BackendAIException(
            $"The storage-proxy address '{handedOut}' handed out by the manager matches no entry of "
            + $"BACKEND_OVERRIDE_STORAGE_PROXY ({entries}). Add an entry for it, such as "
            + $"'{url.GetLeftPart(UriPartial.Authority)}=<reachable URL>'.");
    }

    private static bool IsBaseOnly(Uri key) => key.AbsolutePath == "/" && key.Query.Length == 0;

    private static Uri Target(string value, string key) =>
        Uri.TryCreate(value, UriKind.Absolute, out var target)
            && (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps)
            ? target
            : throw new BackendAIException(
                $"BACKEND_OVERRIDE_STORAGE_PROXY maps '{key}' to '{value}', which is not an http(s) URL.");
}
