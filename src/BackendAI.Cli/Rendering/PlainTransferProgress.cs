using System.Globalization;
using BackendAI.Client.Functions.VFolders;

namespace BackendAI.Cli.Rendering;

/// <summary>
/// Progress of a transfer as plain lines, for redirected output: one line each time another tenth of the file
/// has moved (every 64 MiB when the size is unknown) and one line per resume after a broken connection.
/// </summary>
internal sealed class PlainTransferProgress : IProgress<TransferProgress>
{
    private const long StepWithoutTotal = 64L * 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly TextWriter _writer;
    private readonly string _label;
    private long _lastStep;
    private int _lastResumes;

    /// <summary>Initializes the reporter.</summary>
    /// <param name="writer">Where the lines go.</param>
    /// <param name="label">What moves, for example the file name.</param>
    public PlainTransferProgress(TextWriter writer, string label)
    {
        _writer = writer;
        _label = label;
    }

    /// <inheritdoc />
    public void Report(TransferProgress value)
    {
        lock (_gate)
        {
            if (value.Resumes > _lastResumes)
            {
                _lastResumes = value.Resumes;
                var at = ByteSize.Format(value.Transferred);
                _writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{_label}: connection broken; resumed at {at} (resume {value.Resumes})"));
            }

            var step = value.Total is > 0 and var total
                ? value.Transferred * 10 / total
                : value.Transferred / StepWithoutTotal;
            if (step > _lastStep)
            {
                _lastStep = step;
                _writer.WriteLine(Describe(value));
            }

            _writer.Flush();
        }
    }

    private string Describe(TransferProgress value)
    {
        var moved = ByteSize.Format(value.Transferred);
        if (value.Total is > 0 and var total)
        {
            var percent = value.Transferred * 100 / total;
            return string.Create(CultureInfo.InvariantCulture,
                $"{_label}: {percent}% ({moved} of {ByteSize.Format(total)})");
        }

        return $"{_label}: {moved}";
    }
}
