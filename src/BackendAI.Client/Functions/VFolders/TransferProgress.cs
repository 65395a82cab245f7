namespace BackendAI.Client.Functions.VFolders;

/// <summary>How far a file transfer has got.</summary>
/// <param name="Transferred">Bytes that the other side has (for an upload) or that are on disk (download).</param>
/// <param name="Total">The file's size, when known.</param>
/// <param name="Resumes">How many times the transfer was resumed after a broken connection.</param>
public readonly record struct TransferProgress(long Transferred, long? Total, int Resumes);
