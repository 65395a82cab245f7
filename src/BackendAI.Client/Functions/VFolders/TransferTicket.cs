namespace BackendAI.Client.Functions.VFolders;

/// <summary>A storage-proxy ticket: where to send or fetch a file, and the token that authorises it.</summary>
/// <param name="Url">The storage-proxy URL after the address map was applied.</param>
/// <param name="Token">The transfer token.</param>
public sealed record TransferTicket(Uri Url, string Token)
{
    /// <summary>Gets the URL with the token in its query, as the storage proxy expects it.</summary>
    public Uri AuthorizedUrl => new(Url.AbsoluteUri + (Url.Query.Length > 0 ? "&" : "?") + "token="
        + Uri.EscapeDataString(Token));

    /// <inheritdoc />
    public override string ToString() => $"{Url} (token hidden)";
}
