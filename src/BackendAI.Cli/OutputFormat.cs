namespace BackendAI.Cli;

/// <summary>How a command writes its result on standard output.</summary>
internal enum OutputFormat
{
    /// <summary>Readable text.</summary>
    Text,

    /// <summary>One JSON document.</summary>
    Json,
}
