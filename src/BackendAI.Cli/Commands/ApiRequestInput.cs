using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BackendAI.Client.Transport;

namespace BackendAI.Cli.Commands;

/// <summary>
/// Turns the arguments of <c>backend.ai api</c> into an <see cref="ApiRequest"/>, checking each one before
/// anything is sent: the method, the path, the JSON body (inline or <c>@file</c>) and the extra headers.
/// </summary>
internal static class ApiRequestInput
{
    private const string JsonMediaType = "application/json";

    // Headers the client itself sets on every request (dates, versions, signature, login cookie, framing).
    private static readonly HashSet<string> ClientHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Cookie", "Host", "Date", "User-Agent", "Content-Length", "Transfer-Encoding",
        "X-BackendAI-Date", "X-Sorna-Date", "X-BackendAI-Version", "X-BackendAI-Domain",
    };

    /// <summary>Builds the request.</summary>
    /// <param name="method">The HTTP method, any case.</param>
    /// <param name="path">The path relative to the endpoint, with an optional query.</param>
    /// <param name="data">The JSON body, or <c>@path</c> of a file holding it; null for no body.</param>
    /// <param name="headers">Extra headers as <c>Name: value</c>.</param>
    /// <param name="baseDirectory">The directory a relative <c>@path</c> is resolved against.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ApiInputException">An argument cannot be used.</exception>
    internal static ApiRequest Build(
        string method, string path, string? data, IReadOnlyList<string> headers, string baseDirectory)
    {
        var request = new ApiRequest(new HttpMethod(CheckMethod(method)), CheckPath(path));

        string? contentType = null;
        foreach (var header in headers)
        {
            var (name, value) = ParseHeader(header);
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = CheckContentType(value, hasBody: data is not null);
                continue;
            }

            request.AddHeader(name, value);
        }

        if (data is not null)
        {
            request.WithBody(ReadBody(data, baseDirectory), contentType ?? JsonMediaType);
        }

        return request;
    }

    private static string CheckMethod(string method)
    {
        if (method.Length == 0 || !method.All(char.IsAsciiLetter))
        {
            throw new ApiInputException(
                $"The method \"{method}\" is not an HTTP method; use letters only, for example GET or POST.");
        }

        return method.ToUpperInvariant();
    }

    private static string CheckPath(string path)
    {
        if (path.StartsWith('/'))
        {
            return path;
        }

        var hint = path.Contains("://", StringComparison.Ordinal)
            ? " Give the path only: the endpoint comes from BACKEND_ENDPOINT."
            : $" For example /{path.TrimStart('/')}.";
        throw new ApiInputException($"The path \"{path}\" must start with '/'.{hint}");
    }

    private static (string Name, string Value) ParseHeader(string header)
    {
        var colon = header.IndexOf(':', StringComparison.Ordinal);
        var name = colon > 0 ? header[..colon].Trim() : string.Empty;
        if (name.Length == 0)
        {
            throw new ApiInputException(
                $"The header \"{header}\" is not in the form 'Name: value' (as in -H 'Accept: text/plain').");
        }

        var value = header[(colon + 1)..].Trim();
        if (ClientHeaders.Contains(name))
        {
            throw new ApiInputException(
                $"The header \"{name}\" is set by the client itself (signature, login cookie, date, versions) "
                + "and cannot be given with -H.");
        }

        using var probe = new HttpRequestMessage();
        var isContentType = string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase);
        if (!isContentType && !probe.Headers.TryAddWithoutValidation(name, value))
        {
            // An invalid name, or a content header other than Content-Type, which a request cannot carry here.
            throw new ApiInputException(
                $"The header \"{header}\" cannot be sent: \"{name}\" is not a valid request header name.");
        }

        return (name, value);
    }

    private static string CheckContentType(string value, bool hasBody)
    {
        if (!hasBody)
        {
            throw new ApiInputException(
                $"The header \"Content-Type: {value}\" describes a body, but no --data was given.");
        }

        if (!MediaTypeHeaderValue.TryParse(value, out _))
        {
            throw new ApiInputException(
                $"The Content-Type \"{value}\" is not a media type (expected type/subtype[; parameters]).");
        }

        return value;
    }

    private static byte[] ReadBody(string data, string baseDirectory)
    {
        string source;
        byte[] bytes;
        if (data.StartsWith('@'))
        {
            var path = data[1..];
            if (path.Length == 0)
            {
                throw new ApiInputException("The --data value \"@\" names no file; write @path/to/body.json.");
            }

            var fullPath = Path.GetFullPath(path, baseDirectory);
            source = $"the --data file \"{fullPath}\"";
            try
            {
                bytes = File.ReadAllBytes(fullPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ApiInputException($"Cannot read {source}: {ex.Message}", ex);
            }

            // A byte-order mark is not part of JSON text on the wire.
            if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
            {
                bytes = bytes[Encoding.UTF8.Preamble.Length..];
            }
        }
        else
        {
            source = $"the --data value \"{Preview(data)}\"";
            bytes = Encoding.UTF8.GetBytes(data);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new ApiInputException($"{Capitalize(source)} is not valid JSON: {ex.Message}", ex);
        }

        return bytes;
    }

    private static string Preview(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
