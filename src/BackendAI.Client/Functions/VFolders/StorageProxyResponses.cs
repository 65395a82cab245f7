using BackendAI.Client.Transport;

namespace BackendAI.Client.Functions.VFolders;

/// <summary>Turns a storage proxy's error answer into an API error that never shows the transfer token.</summary>
internal static class StorageProxyResponses
{
    internal static async Task EnsureSuccessAsync(
        DirectResponse response, Uri url, CancellationToken cancellationToken)
    {
        if ((int)response.StatusCode is >= 200 and < 300)
        {
            return;
        }

        using var reader = new StreamReader(response.Body);
        var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var endpoint = new Uri(url.GetLeftPart(UriPartial.Path));
        throw new BackendAIApiException(
            $"The storage proxy at {endpoint} answered {(int)response.StatusCode}: {body}",
            response.StatusCode, endpoint, ErrorMapper.TryParseProblem(body), body);
    }
}
