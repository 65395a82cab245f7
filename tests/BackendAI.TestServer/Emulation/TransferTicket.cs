namespace BackendAI.TestServer.Emulation;

/// <summary>What a storage-proxy token grants: one upload or download of one file of one folder.</summary>
internal sealed class TransferTicket
{
    public TransferTicket(bool isUpload, EmulatedFolder folder, string relativePath, long size, string partPath)
    {
        IsUpload = isUpload;
        Folder = folder;
        RelativePath = relativePath;
        Size = size;
        PartPath = partPath;
    }

    public bool IsUpload { get; }

    public EmulatedFolder Folder { get; }

    public string RelativePath { get; }

    /// <summary>Gets the announced upload length (0 for downloads).</summary>
    public long Size { get; }

    /// <summary>Gets the temporary file an upload grows in before it is moved into the folder.</summary>
    public string PartPath { get; }

    /// <summary>Gets the gate that keeps two PATCH requests of one upload from interleaving.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public long Offset { get; set; }

    public bool Completed { get; set; }
}
