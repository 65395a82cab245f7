using System.Text.Json.Nodes;
using BackendAI.Client.Functions.Sessions;

namespace BackendAI.Cli.Commands;

/// <summary>
/// Passes a run's console output on as it arrives: <c>stdout</c> items to standard output, <c>stderr</c> and
/// <c>log</c> items to standard error, other kinds (media, html) as a labelled line on standard error. With
/// <c>--output json</c> the items are collected for the final document instead.
/// </summary>
internal sealed class SessionConsoleWriter
{
    private readonly CliContext _context;
    private readonly JsonArray? _collected;

    /// <summary>Initializes the writer.</summary>
    /// <param name="context">The writers.</param>
    /// <param name="collect">Collect the items for a JSON document rather than print them.</param>
    public SessionConsoleWriter(CliContext context, bool collect)
    {
        _context = context;
        _collected = collect ? [] : null;
    }

    /// <summary>Gets the collected items as <c>[{"stream": …, "text": …}]</c>; empty when printing.</summary>
    public JsonArray Collected => _collected ?? [];

    /// <summary>Prints or collects one item.</summary>
    public void Write(ConsoleItem item)
    {
        if (_collected is not null)
        {
            _collected.Add(new JsonObject { ["stream"] = item.Stream, ["text"] = item.Text });
            return;
        }

        switch (item.Stream)
        {
            case "stdout":
                _context.Output.Write(item.Text);
                _context.Output.Flush();
                break;
            case "stderr" or "log":
                _context.Error.Write(item.Text);
                _context.Error.Flush();
                break;
            default:
                _context.Error.WriteLine(
                    $"[{item.Stream} output, not shown in a terminal: {item.Text.Length} characters]");
                break;
        }
    }
}
