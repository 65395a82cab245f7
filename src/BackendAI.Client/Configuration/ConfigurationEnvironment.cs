using System.Collections;

namespace BackendAI.Client.Configuration;

/// <summary>
/// A snapshot of the environment variables a configuration is built from: the process environment (or a
/// given set of variables) plus the variables of the nearest <c>.env</c> file, searched from the working
/// directory upwards. The file only supplies variables the environment lacks; it never overrides one.
/// </summary>
public sealed class ConfigurationEnvironment
{
    /// <summary>The prefix looked up first.</summary>
    internal const string Prefix = "BACKEND_";

    /// <summary>The legacy prefix looked up when the first one is not set.</summary>
    internal const string LegacyPrefix = "SORNA_";

    private readonly Dictionary<string, EnvironmentValue> _values;

    private ConfigurationEnvironment(
        IEnumerable<KeyValuePair<string, string>> variables, string workingDirectory, bool readDotEnvFile)
    {
        // Variable names are case-insensitive on Windows only, as the process environment there.
        var comparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        _values = new Dictionary<string, EnvironmentValue>(comparer);
        WorkingDirectory = workingDirectory;

        foreach (var (name, value) in variables)
        {
            _values[name] = new EnvironmentValue(name, value, FilePath: null, Line: 0);
        }

        DotEnvPath = readDotEnvFile ? DotEnvFile.Find(workingDirectory) : null;
        if (DotEnvPath is null)
        {
            return;
        }

        foreach (var entry in DotEnvFile.Read(DotEnvPath))
        {
            if (!_values.TryGetValue(entry.Name, out var existing) || existing.FilePath is not null)
            {
                _values[entry.Name] = entry;
            }
        }
    }

    /// <summary>Gets the directory from which the <c>.env</c> file was searched.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Gets the full path of the <c>.env</c> file that was read, or null when none was found.</summary>
    public string? DotEnvPath { get; }

    /// <summary>
    /// Takes a snapshot of the process environment and reads the nearest <c>.env</c> file.
    /// </summary>
    /// <param name="workingDirectory">
    /// Where the <c>.env</c> search starts; the current directory when null.
    /// </param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ConfigurationException">The <c>.env</c> file has a line that cannot be read.</exception>
    public static ConfigurationEnvironment FromProcess(string? workingDirectory = null)
    {
        var variables = new List<KeyValuePair<string, string>>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && entry.Value is string value)
            {
                variables.Add(new(name, value));
            }
        }

        return new ConfigurationEnvironment(variables, ResolveDirectory(workingDirectory), readDotEnvFile: true);
    }

    /// <summary>
    /// Builds a snapshot from the given variables instead of the process environment, for hosts and tests.
    /// </summary>
    /// <param name="variables">The variables that play the part of the process environment.</param>
    /// <param name="workingDirectory">
    /// Where the <c>.env</c> search starts; the current directory when null.
    /// </param>
    /// <param name="readDotEnvFile">Whether to search for and read a <c>.env</c> file.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ConfigurationException">The <c>.env</c> file has a line that cannot be read.</exception>
    public static ConfigurationEnvironment FromVariables(
        IReadOnlyDictionary<string, string> variables, string? workingDirectory = null, bool readDotEnvFile = true)
    {
        ArgumentNullException.ThrowIfNull(variables);

        return new ConfigurationEnvironment(variables, ResolveDirectory(workingDirectory), readDotEnvFile);
    }

    /// <summary>
    /// Looks a setting up: the key is upper-cased, then <c>BACKEND_KEY</c> is read, then <c>SORNA_KEY</c>.
    /// A variable that is set counts even when empty. With neither set, <paramref name="defaultValue"/> is used.
    /// </summary>
    /// <typeparam name="T">The type <paramref name="clean"/> produces.</typeparam>
    /// <param name="key">The setting name without prefix, for example <c>endpoint</c>.</param>
    /// <param name="defaultValue">
    /// The value used when neither variable is set; null means the setting is required.
    /// </param>
    /// <param name="clean">Applied to the found value and to the default alike.</param>
    /// <returns>The cleaned value.</returns>
    /// <exception cref="ConfigurationException">
    /// Neither variable is set and there is no default, or <paramref name="clean"/> rejects the value.
    /// </exception>
    public T GetEnv<T>(string key, string? defaultValue, Func<string, T> clean)
    {
        ArgumentNullException.ThrowIfNull(clean);

        var found = Find(key);
        if (found is null && defaultValue is null)
        {
            var name = NormalizeKey(key);
            throw new ConfigurationException(
                $"Neither {Prefix}{name} nor {LegacyPrefix}{name} is set, and the setting has no default.",
                Prefix + name,
                setting: null);
        }

        var value = found?.Value ?? defaultValue!;
        try
        {
            return clean(value);
        }
        catch (Exception ex) when (ex is not ConfigurationException and (FormatException or ArgumentException
            or OverflowException or InvalidOperationException or NotSupportedException))
        {
            var source = found?.Describe() ?? $"the default of {Prefix}{NormalizeKey(key)}";
            var quoted = IsSecretName(key) ? string.Empty : $" \"{value}\"";
            throw new ConfigurationException(
                $"{source}: the value{quoted} was rejected: {ex.Message}", source, setting: null, ex);
        }
    }

    /// <summary>
    /// Looks a setting up as text: <c>BACKEND_KEY</c>, then <c>SORNA_KEY</c>, then
    /// <paramref name="defaultValue"/>.
    /// </summary>
    /// <param name="key">The setting name without prefix, for example <c>domain</c>.</param>
    /// <param name="defaultValue">
    /// The value used when neither variable is set; null means the setting is required.
    /// </param>
    /// <returns>The value exactly as found.</returns>
    /// <exception cref="ConfigurationException">Neither variable is set and there is no default.</exception>
    public string GetEnv(string key, string? defaultValue = null) =>
        GetEnv(key, defaultValue, static value => value);

    /// <summary>
    /// Gets one variable by its full name (for example <c>XDG_STATE_HOME</c>) from the snapshot: the
    /// environment, or the <c>.env</c> file where the environment lacks it.
    /// </summary>
    /// <param name="name">The variable's full name.</param>
    /// <returns>The value as found, or null when it is not set.</returns>
    public string? GetVariable(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);

        return _values.TryGetValue(name, out var value) ? value.Value : null;
    }

    /// <summary>Returns the variable that supplies a setting, <c>BACKEND_</c> first, or null.</summary>
    internal EnvironmentValue? Find(string key)
    {
        var name = NormalizeKey(key);
        if (_values.TryGetValue(Prefix + name, out var value))
        {
            return value;
        }

        return _values.TryGetValue(LegacyPrefix + name, out value) ? value : null;
    }

    private static bool IsSecretName(string key) =>
        key.Contains("SECRET", StringComparison.OrdinalIgnoreCase)
        || key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase);

    private static string NormalizeKey(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);

        return key.ToUpperInvariant();
    }

    private static string ResolveDirectory(string? workingDirectory) =>
        Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory());
}
