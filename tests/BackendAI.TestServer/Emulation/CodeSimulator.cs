using System.Globalization;
using System.Text.RegularExpressions;

namespace BackendAI.TestServer.Emulation;

/// <summary>
/// Pretends to run Python-like code, line by line: <c>print(x)</c> writes <c>x</c> (unquoted when it is one
/// string literal) to stdout, or to stderr with <c>file=sys.stderr</c>; <c>time.sleep(n)</c> or <c>sleep n</c>
/// ends one poll, so the first answer is <c>continued</c> and the client must poll with mode <c>continue</c>;
/// <c>exit N</c>, <c>exit(N)</c> or <c>sys.exit(N)</c> stops with that exit code; <c>raise ...</c> prints a
/// traceback to stderr and stops with exit code 1. Any other line runs silently.
/// </summary>
internal static partial class CodeSimulator
{
    public static CodeRun Run(string code)
    {
        var polls = new List<IReadOnlyList<(string, string)>>();
        var current = new List<(string, string)>();
        var exitCode = 0;

        foreach (var rawLine in code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.Trim();
            if (SleepLine().IsMatch(line))
            {
                polls.Add(current);
                current = [];
                continue;
            }

            if (ExitLine().Match(line) is { Success: true } exit)
            {
                exitCode = exit.Groups["code"].Success
                    ? int.Parse(exit.Groups["code"].Value, CultureInfo.InvariantCulture)
                    : 0;
                break;
            }

            if (line.StartsWith("raise ", StringComparison.Ordinal))
            {
                current.Add(("stderr", "Traceback (most recent call last):\n  File \"<input>\", line 1\n"
                    + line["raise ".Length..] + "\n"));
                exitCode = 1;
                break;
            }

            if (PrintLine().Match(line) is { Success: true } print)
            {
                var stream = print.Groups["stderr"].Success ? "stderr" : "stdout";
                current.Add((stream, Unquote(print.Groups["arg"].Value.Trim()) + "\n"));
            }
        }

        polls.Add(current);
        return new CodeRun(polls, exitCode);
    }

    private static string Unquote(string argument)
    {
        if (argument.Length >= 2
            && (argument[0] == '"' || argument[0] == '\'')
            && argument[^1] == argument[0]
            && argument.IndexOf(argument[0], 1) == argument.Length - 1)
        {
            return argument[1..^1].Replace("\\n", "\n", StringComparison.Ordinal);
        }

        return argument;
    }

    [GeneratedRegex(@"^(time\.)?sleep(\s+[0-9.]+|\(\s*[0-9.]+\s*\))$")]
    private static partial Regex SleepLine();

    [GeneratedRegex(@"^(sys\.)?exit(\s+(?<code>-?[0-9]{1,9})|\(\s*(?<code>-?[0-9]{1,9})?\s*\))?$")]
    private static partial Regex ExitLine();

    [GeneratedRegex(@"^print\((?<arg>.*?)(?<stderr>,\s*file\s*=\s*sys\.stderr)?\)$")]
    private static partial Regex PrintLine();
}
