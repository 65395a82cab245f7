using BackendAI.Client.Functions.VFolders;
using Spectre.Console;

namespace BackendAI.Cli.Rendering;

/// <summary>Shows a transfer's progress the way the output allows: a bar, plain lines, or nothing (JSON).</summary>
internal static class TransferDisplay
{
    /// <summary>Runs a transfer while showing its progress.</summary>
    /// <param name="output">
    /// Where a progress bar goes on a terminal; null shows no progress (the JSON output mode).
    /// </param>
    /// <param name="plainProgress">
    /// Where plain progress lines go when the output is not a terminal (standard error).
    /// </param>
    /// <param name="label">What moves, for example the file name.</param>
    /// <param name="total">The size when known in advance.</param>
    /// <param name="transfer">Starts the transfer with the progress receiver to use.</param>
    /// <returns>The transfer's final progress.</returns>
    public static async Task<TransferProgress> RunAsync(
        HumanOutput? output, TextWriter plainProgress, string label, long? total,
        Func<IProgress<TransferProgress>?, Task<TransferProgress>> transfer)
    {
        if (output is null)
        {
            return await transfer(null);
        }

        if (!output.IsTerminal)
        {
            return await transfer(new PlainTransferProgress(plainProgress, label));
        }

        var columns = new ProgressColumn[]
        {
            new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
            new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn(),
        };
        return await output.Terminal.Progress().AutoClear(false).Columns(columns).StartAsync(async context =>
        {
            var task = context.AddTask(Markup.Escape(label), maxValue: total is > 0 ? total.Value : 1);
            task.IsIndeterminate = total is not > 0;
            var result = await transfer(new TerminalTransferProgress(task));
            task.MaxValue = Math.Max(result.Transferred, 1);
            task.Value = task.MaxValue;
            task.StopTask();
            return result;
        });
    }
}
