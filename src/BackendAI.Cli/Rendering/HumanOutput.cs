using Spectre.Console;

namespace BackendAI.Cli.Rendering;

/// <summary>
/// Text output for people on standard output: Spectre.Console tables and progress bars when it is a terminal,
/// plain lines when it is redirected to a file or a pipe.
/// </summary>
internal sealed class HumanOutput
{
    private IAnsiConsole? _terminal;

    /// <summary>Initializes the output over a writer.</summary>
    /// <param name="writer">Standard output, or a test's writer.</param>
    /// <param name="isTerminal">Whether the writer is an interactive terminal.</param>
    public HumanOutput(TextWriter writer, bool isTerminal)
    {
        Writer = writer;
        IsTerminal = isTerminal;
    }

    /// <summary>Gets the writer all output goes to.</summary>
    public TextWriter Writer { get; }

    /// <summary>Gets a value indicating whether the writer is an interactive terminal.</summary>
    public bool IsTerminal { get; }

    /// <summary>Gets the Spectre console over <see cref="Writer"/>, created on first use.</summary>
    public IAnsiConsole Terminal => _terminal ??= AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Writer),
        Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = IsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
    });

    /// <summary>Writes one line of text.</summary>
    public void WriteLine(string text) => Writer.WriteLine(text);

    /// <summary>Writes a table: drawn on a terminal, plain columns otherwise; a note when it has no rows.</summary>
    /// <param name="table">The table.</param>
    /// <param name="emptyNote">What to say instead of an empty table.</param>
    public void Write(TableView table, string emptyNote)
    {
        if (table.RowCount == 0)
        {
            Writer.WriteLine(emptyNote);
        }
        else if (IsTerminal)
        {
            Terminal.Write(table.ToSpectreTable());
        }
        else
        {
            table.WritePlain(Writer);
        }

        Writer.Flush();
    }

    /// <summary>Writes name/value pairs, one per line, names aligned; on a terminal the names are bold.</summary>
    public void WriteProperties(IEnumerable<KeyValuePair<string, string>> properties)
    {
        var list = properties.ToList();
        var width = list.Count == 0 ? 0 : list.Max(p => p.Key.Length);
        if (IsTerminal)
        {
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            foreach (var (name, value) in list)
            {
                grid.AddRow(new Text(name, new Style(decoration: Decoration.Bold)), new Text(value));
            }

            Terminal.Write(grid);
        }
        else
        {
            foreach (var (name, value) in list)
            {
                Writer.WriteLine((name + ":").PadRight(width + 2) + value.ReplaceLineEndings(" "));
            }
        }

        Writer.Flush();
    }
}
