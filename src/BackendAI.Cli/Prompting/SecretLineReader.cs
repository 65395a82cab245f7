using System.Text;

namespace BackendAI.Cli.Prompting;

/// <summary>
/// Collects a line from key presses without echoing it: Enter ends the line, Backspace removes the last
/// character, other control keys are ignored. Separate from the console so that its rules can be tested.
/// </summary>
internal static class SecretLineReader
{
    /// <summary>Reads keys until Enter.</summary>
    /// <param name="readKey">Returns the next key press; it must not echo it.</param>
    /// <returns>The characters typed, with Backspace applied.</returns>
    internal static string Read(Func<ConsoleKeyInfo> readKey)
    {
        var line = new StringBuilder();
        while (true)
        {
            var key = readKey();
            if (key.Key == ConsoleKey.Enter || key.KeyChar is '\r' or '\n')
            {
                return line.ToString();
            }

            if (key.Key == ConsoleKey.Backspace || key.KeyChar == '\b')
            {
                if (line.Length > 0)
                {
                    // A surrogate pair is one character to the user: remove both halves.
                    var remove = line.Length > 1 && char.IsLowSurrogate(line[^1]) ? 2 : 1;
                    line.Length -= remove;
                }

                continue;
            }

            if (!char.IsControl(key.KeyChar))
            {
                line.Append(key.KeyChar);
            }
        }
    }
}
