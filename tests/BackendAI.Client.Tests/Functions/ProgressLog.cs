using BackendAI.Client.Functions.VFolders;

namespace BackendAI.Client.Tests.Functions;

/// <summary>
/// Records every progress report on the reporting thread, so nothing arrives after the transfer ends.
/// </summary>
internal sealed class ProgressLog : IProgress<TransferProgress>
{
    private readonly Lock gate = new();
    private readonly List<TransferProgress> reports = [];
    private readonly Action<TransferProgress>? onReport;

    public ProgressLog(Action<TransferProgress>? onReport = null)
    {
        this.onReport = onReport;
    }

    public IReadOnlyList<TransferProgress> Reports
    {
        get
        {
            lock (gate)
            {
                return [.. reports];
            }
        }
    }

    public void Report(TransferProgress value)
    {
        lock (gate)
        {
            reports.Add(value);
        }

        onReport?.Invoke(value);
    }
}
