using System.Globalization;
using System.Text.Json;

namespace BackendAI.Client.Authentication;

/// <summary>Reads, checks and writes the login file's JSON, and turns endpoint lists into their stored keys.</summary>
internal static class LoginStoreFormat
{
    /// <summary>Files larger than this are not login files and are not read.</summary>
    internal const int MaxFileBytes = 1024 * 1024;

    /// <summary>Returns the canonical, sorted, de-duplicated form of an endpoint list, used as its key.</summary>
    /// <remarks>
    /// Scheme and host are lower-cased, international host names become punycode, default ports and a trailing
    /// slash are dropped, and user information, query and fragment are ignored.
    /// </remarks>
    internal static List<string> CanonicalEndpoints(IReadOnlyList<Uri> endpoints, string paramName)
    {
        ArgumentNullException.ThrowIfNull(endpoints, paramName);
        if (endpoints.Count == 0)
        {
            throw new ArgumentException("At least one endpoint is required to key a login.", paramName);
        }

        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            if (endpoint is null || !endpoint.IsAbsoluteUri || !IsHttp(endpoint))
            {
                throw new ArgumentException(
                    $"Endpoint '{endpoint?.OriginalString}' is not an absolute http or https URL.", paramName);
            }

            keys.Add(Canonical(endpoint));
        }

        return [.. keys];
    }

    /// <summary>Parses and checks the file's content; anything unexpected makes it untrusted.</summary>
    internal static List<LoginFileEntry> Parse(byte[] content, string path)
    {
        LoginFileDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(content, LoginFileJsonContext.Default.LoginFileDocument);
        }
        catch (JsonException ex)
        {
            throw new LoginStoreException(
                $"The login file '{path}' is corrupt or not in this client's format ({ex.Message}), " +
                $"so it is not used. Delete it (rm '{path}') and log in again.",
                ex);
        }

        if (document is null || document.Format != LoginFileDocument.FormatName)
        {
            throw new LoginStoreException(
                $"The login file '{path}' is not a Backend.AI .NET client login file (its \"format\" is not " +
                $"\"{LoginFileDocument.FormatName}\"), so it is not used. Move it away and log in again.");
        }

        if (document.Version != LoginFileDocument.CurrentVersion)
        {
            throw new LoginStoreException(string.Create(
                CultureInfo.InvariantCulture,
                $"The login file '{path}' has version {document.Version}; this client reads version " +
                $"{LoginFileDocument.CurrentVersion} only. Delete it (rm '{path}') and log in again."));
        }

        for (var i = 0; i < document.Logins.Count; i++)
        {
            CheckEntry(document.Logins[i], i, path);
        }

        return document.Logins;
    }

    /// <summary>Serializes the entries as a complete login file.</summary>
    internal static byte[] Serialize(List<LoginFileEntry> entries)
    {
        var document = new LoginFileDocument
        {
            Format = LoginFileDocument.FormatName,
            Version = LoginFileDocument.CurrentVersion,
            Logins = entries,
        };

        return JsonSerializer.SerializeToUtf8Bytes(document, LoginFileJsonContext.Default.LoginFileDocument);
    }

    /// <summary>
    /// Builds the stored entry for a login, rejecting values that could not be sent back as a cookie.
    /// </summary>
    internal static LoginFileEntry ToEntry(List<string> key, StoredLogin login, string paramName)
    {
        ArgumentNullException.ThrowIfNull(login, paramName);
        var problem = FindProblem(login.CookieName, login.CookieValue, login.SessionId);
        if (problem is not null)
        {
            throw new ArgumentException($"The login cannot be stored: {problem}.", paramName);
        }

        return new LoginFileEntry
        {
            Endpoints = key,
            CookieName = login.CookieName,
            CookieValue = login.CookieValue,
            SessionId = login.SessionId,
            UserName = login.UserName,
            SavedAt = login.SavedAt,
        };
    }

    internal static StoredLogin ToLogin(LoginFileEntry entry) =>
        new(entry.CookieName, entry.CookieValue, entry.SessionId, entry.UserName, entry.SavedAt);

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    private static string Canonical(Uri endpoint)
    {
        var host = endpoint.HostNameType == UriHostNameType.IPv6 ? $"[{endpoint.IdnHost}]" : endpoint.IdnHost;
        var path = endpoint.AbsolutePath.TrimEnd('/');
        return endpoint.IsDefaultPort
            ? $"{endpoint.Scheme}://{host}{path}"
            : string.Create(CultureInfo.InvariantCulture, $"{endpoint.Scheme}://{host}:{endpoint.Port}{path}");
    }

    private static void CheckEntry(LoginFileEntry entry, int index, string path)
    {
        var problem = entry.Endpoints.Count == 0 ? "it lists no endpoints" : null;
        foreach (var endpoint in entry.Endpoints)
        {
            var usable = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && IsHttp(uri);
            if (!usable || Canonical(uri!) != endpoint)
            {
                problem ??= $"endpoint '{endpoint}' is not a canonical http or https URL";
            }
        }

        problem ??= FindProblem(entry.CookieName, entry.CookieValue, entry.SessionId);
        if (problem is not null)
        {
            throw new LoginStoreException(string.Create(
                CultureInfo.InvariantCulture,
                $"The login file '{path}' is not trusted: login {index} is malformed ({problem}). " +
                $"Delete it (rm '{path}') and log in again."));
        }
    }

    /// <summary>
    /// Describes what is wrong with the cookie and session id, or returns null; never quotes secrets.
    /// </summary>
    private static string? FindProblem(string? cookieName, string? cookieValue, string? sessionId)
    {
        if (string.IsNullOrEmpty(cookieName) || !cookieName.All(IsTokenChar))
        {
            return $"the cookie name '{cookieName}' is not a valid cookie name";
        }

        if (string.IsNullOrEmpty(cookieValue) || !IsCookieValue(cookieValue))
        {
            return "the cookie value is empty or has characters a cookie cannot carry";
        }

        if (sessionId is not null && (sessionId.Length == 0 || !sessionId.All(c => c is > ' ' and < '\x7f')))
        {
            return "the session id is empty or has characters a header cannot carry";
        }

        return null;
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    private static bool IsCookieValue(string value)
    {
        // RFC 6265 cookie-octets, optionally wrapped in one pair of double quotes.
        var inner = value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
        return inner.All(c => c is '!' or (>= '#' and <= '+') or (>= '-' and <= ':') or (>= '<' and <= '[')
            or (>= ']' and <= '~'));
    }
}
