using System.Globalization;

namespace BackendAI.Client.Benchmarks;

/// <summary>Reads the few <c>--name value</c> options of the load runs.</summary>
internal static class CommandLine
{
    internal static int Int(string[] args, string name, int fallback)
    {
        var text = String(args, name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number, got '{text}'.", nameof(args));
    }

    internal static string? String(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0)
        {
            return null;
        }

        return at + 1 < args.Length
            ? args[at + 1]
            : throw new ArgumentException($"{name} needs a value.", nameof(args));
    }
}
