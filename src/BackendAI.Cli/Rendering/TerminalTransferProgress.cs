using BackendAI.Client.Functions.VFolders;
using Spectre.Console;

namespace BackendAI.Cli.Rendering;

/// <summary>Feeds transfer progress into a Spectre.Console progress bar.</summary>
internal sealed class TerminalTransferProgress : IProgress<TransferProgress>
{
    private readonly ProgressTask _task;

    /// <summary>Initializes the reporter over a progress task.</summary>
    public TerminalTransferProgress(ProgressTask task)
    {
        _task = task;
    }

    /// <inheritdoc />
    public void Report(TransferProgress value)
    {
        // ProgressTask guards its own state, so reports from the transfer's thread are safe.
        if (value.Total is > 0 and var total)
        {
            _task.IsIndeterminate = false;
            _task.MaxValue = total;
        }

        _task.Value = value.Transferred;
    }
}
