using System.CommandLine;
using System.CommandLine.Parsing;

namespace BackendAI.Cli.Commands;

/// <summary>Options given as repeated <c>KEY=VALUE</c> pairs (<c>--env</c>, <c>--resources</c>).</summary>
internal static class SessionKeyValues
{
    /// <summary>Creates a repeatable option whose values must read <c>KEY=VALUE</c> with distinct keys.</summary>
    /// <param name="name">The option's name, such as <c>--env</c>.</param>
    /// <param name="alias">Its short alias.</param>
    /// <param name="description">The help text.</param>
    public static Option<string[]> CreateOption(string name, string alias, string description)
    {
        var option = new Option<string[]>(name, alias)
        {
            Description = description,
            Arity = ArgumentArity.ZeroOrMore,
            HelpName = "KEY=VALUE",
        };
        option.Validators.Add(result => Validate(result, name));
        return option;
    }

    /// <summary>Reads the pairs of an option that passed validation.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Read(
        ParseResult parseResult, Option<string[]> option) =>
        (parseResult.GetValue(option) ?? []).Select(text => TryParse(text, out var key, out var value)
            ? KeyValuePair.Create(key, value)
            : throw new InvalidOperationException($"'{text}' is not KEY=VALUE and passed validation."));

    /// <summary>Splits <c>KEY=VALUE</c> at the first <c>=</c>; the key must not be blank, the value may.</summary>
    internal static bool TryParse(string text, out string key, out string value)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        key = equals > 0 ? text[..equals].Trim() : string.Empty;
        value = equals > 0 ? text[(equals + 1)..] : string.Empty;
        return key.Length > 0;
    }

    private static void Validate(OptionResult result, string name)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in result.Tokens)
        {
            if (!TryParse(token.Value, out var key, out _))
            {
                result.AddError($"{name} expects KEY=VALUE, such as {name} NAME=value; got '{token.Value}'.");
                return;
            }

            if (seen.TryGetValue(key, out var earlier))
            {
                result.AddError($"{name} gives the key '{key}' twice: '{earlier}' and '{token.Value}'.");
                return;
            }

            seen.Add(key, token.Value);
        }
    }
}
