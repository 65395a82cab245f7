using System.Text;
using Spectre.Console;

namespace BackendAI.Cli.Rendering;

/// <summary>
/// A table of text cells: drawn with borders on a terminal, written as space-aligned columns (header first,
/// no decoration) when the output is redirected, so scripts can cut columns from it.
/// </summary>
internal sealed class TableView
{
    private readonly List<string[]> _rows = [];

    /// <summary>Initializes a table with its column headers.</summary>
    public TableView(params string[] columns)
    {
        Columns = columns;
    }

    /// <summary>Gets the column headers.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Gets the number of rows added.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Adds a row; missing cells read as empty, extra cells are an error.</summary>
    public TableView AddRow(params string[] cells)
    {
        if (cells.Length > Columns.Count)
        {
            throw new ArgumentException(
                $"The row has {cells.Length} cells for {Columns.Count} columns.", nameof(cells));
        }

        var row = new string[Columns.Count];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = i < cells.Length ? OneLine(cells[i]) : string.Empty;
        }

        _rows.Add(row);
        return this;
    }

    /// <summary>Builds the Spectre table drawn on a terminal.</summary>
    public Table ToSpectreTable()
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in Columns)
        {
            table.AddColumn(new TableColumn(new Text(column, new Style(decoration: Decoration.Bold))));
        }

        foreach (var row in _rows)
        {
            table.AddRow(row.Select(cell => new Text(cell)));
        }

        return table;
    }

    /// <summary>Writes the table as plain aligned columns; the last column is not padded.</summary>
    public void WritePlain(TextWriter writer)
    {
        var widths = new int[Columns.Count];
        foreach (var row in _rows.Prepend([.. Columns]))
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var line = new StringBuilder();
        foreach (var row in _rows.Prepend([.. Columns]))
        {
            line.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i] + 2));
            }

            writer.WriteLine(line.ToString().TrimEnd());
        }
    }

    // A cell with a line break would break the plain layout; show the break instead.
    private static string OneLine(string? text) =>
        (text ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
}
