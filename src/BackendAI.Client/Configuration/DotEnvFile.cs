namespace BackendAI.Client.Configuration;

/// <summary>
/// Finds and reads a <c>.env</c> file. The syntax is a deliberate subset: <c>KEY=VALUE</c> lines, an optional
/// <c>export </c> prefix, blank lines, <c>#</c> comment lines, an unquoted value ending at white space followed
/// by <c>#</c>, and single- or double-quoted single-line values without escapes or interpolation.
/// </summary>
internal static class DotEnvFile
{
    internal const string FileName = ".env";

    /// <summary>The largest <c>.env</c> file read (1 MiB).</summary>
    internal const int MaxBytes = 1 << 20;

    /// <summary>Returns the nearest <c>.env</c> file in the directory or one of its ancestors, or null.</summary>
    internal static string? Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null;
             directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads the variables of a <c>.env</c> file; a later line wins over an earlier one.</summary>
    internal static IReadOnlyList<EnvironmentValue> Read(string path)
    {
        string text;
        try
        {
            text = ReadCapped(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(
                $"The .env file {path} cannot be read: {ex.Message}", path, setting: null, ex);
        }

        return Parse(text, path);
    }

    /// <summary>
    /// Reads at most <see cref="MaxBytes"/>: a <c>.env</c> that is really a device such as <c>/dev/zero</c>
    /// must end in an error, not in exhausted memory.
    /// </summary>
    private static string ReadCapped(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[MaxBytes + 1];
        var length = reader.ReadBlock(buffer, 0, buffer.Length);
        if (length > MaxBytes)
        {
            throw new IOException($"it is larger than {MaxBytes / 1024} KiB, which no .env file needs");
        }

        return new string(buffer, 0, length);
    }

    internal static IReadOnlyList<EnvironmentValue> Parse(string text, string path)
    {
        var values = new List<EnvironmentValue>();
        // LF, CRLF and a lone CR all end a line: a CR never stays inside a value.
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var entry = ParseLine(line, path, index + 1);
            if (entry is not null)
            {
                values.Add(entry);
            }
        }

        return values;
    }

    private static EnvironmentValue? ParseLine(string line, string path, int lineNumber)
    {
        var content = line.Trim();
        if (content.Length == 0 || content[0] == '#')
        {
            return null;
        }

        if (content.StartsWith("export", StringComparison.Ordinal) && content.Length > 6 && IsBlank(content[6]))
        {
            content = content[6..].TrimStart();
        }

        var equals = content.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? string.Empty : content[..equals].Trim();
        if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '#'))
        {
            throw LineError(path, lineNumber, "is not a KEY=VALUE line");
        }

        var value = ParseValue(content[(equals + 1)..], path, lineNumber);
        return new EnvironmentValue(name, value, path, lineNumber);
    }

    private static string ParseValue(string raw, string path, int lineNumber)
    {
        var text = raw.TrimStart();
        if (text.Length > 0 && text[0] is '"' or '\'')
        {
            var quote = text[0];
            var closing = text.IndexOf(quote, 1);
            if (closing < 0)
            {
                throw LineError(path, lineNumber, $"has no closing {quote} (multi-line values are not supported)");
            }

            var rest = text[(closing + 1)..].Trim();
            if (rest.Length > 0 && rest[0] != '#')
            {
                throw LineError(path, lineNumber, "has text after the closing quote");
            }

            return text[1..closing];
        }

        for (var i = 1; i < raw.Length; i++)
        {
            if (raw[i] == '#' && IsBlank(raw[i - 1]))
            {
                return raw[..i].Trim();
            }
        }

        return raw.Trim();
    }

    private static bool IsBlank(char c) => char.IsWhiteSpace(c);

    private static ConfigurationException LineError(string path, int lineNumber, string problem) =>
        new(
            $"The .env file {path}, line {lineNumber}, {problem}. Accepted: KEY=VALUE, optionally preceded by "
            + "'export ', with the value unquoted or in single or double quotes on one line; blank lines and "
            + "lines starting with # are ignored.",
            $"{path}:{lineNumber}",
            setting: null);
}
