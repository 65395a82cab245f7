namespace BackendAI.Client.Functions;

/// <summary>Turns a session or folder name into one escaped path segment of a request URL.</summary>
internal static class PathSegment
{
    /// <summary>
    /// Escapes <paramref name="name"/>; refuses an empty name and the dot segments <c>.</c> and <c>..</c>, which
    /// URL normalisation would remove, sending the request to another path (<c>DELETE /</c> instead of a folder).
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty, white space, <c>.</c> or <c>..</c>.</exception>
    internal static string Escape(string name, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name is "." or "..")
        {
            throw new ArgumentException($"The {what} name '{name}' cannot be used: '.' and '..' are not names.",
                nameof(name));
        }

        return Uri.EscapeDataString(name);
    }
}
