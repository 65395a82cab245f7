using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BackendAI.Client.Tests.Emulation;

public sealed class StorageProxyDownloadTests
{
    private static async Task<(EmulationServer Server, byte[] Bytes, string Token)> StartWithFileAsync(int size)
    {
        var server = await EmulationServer.StartAsync();
        var bytes = new byte[size];
        new Random(7).NextBytes(bytes);
        var folder = server.State.CreateFolder("data");
        await File.WriteAllBytesAsync(Path.Combine(folder.DirectoryPath, "f.bin"), bytes);
        using var response = await server.SendJsonAsync(
            HttpMethod.Post, "/folders/data/request-download", new JsonObject { ["path"] = "f.bin" });
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.EndsWith("/download", answer["url"]!.GetValue<string>(), StringComparison.Ordinal);
        return (server, bytes, answer["token"]!.GetValue<string>());
    }

    private static HttpRequestMessage Get(string token, long? from = null, string? ifRange = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/download?token={token}");
        if (from is not null)
        {
            request.Headers.Range = new RangeHeaderValue(from, null);
        }

        if (ifRange is not null)
        {
            request.Headers.IfRange = new RangeConditionHeaderValue(EntityTagHeaderValue.Parse(ifRange));
        }

        return request;
    }

    [Fact]
    public async Task A_download_returns_the_whole_file_with_an_etag_and_accepts_ranges()
    {
        var (server, bytes, token) = await StartWithFileAsync(100_000);
        await using var _ = server;

        using var request = Get(token);
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains("bytes", response.Headers.AcceptRanges);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_range_with_the_current_etag_is_a_206_with_the_rest_of_the_file()
    {
        var (server, bytes, token) = await StartWithFileAsync(100_000);
        await using var _ = server;
        using var first = await server.Client.SendAsync(Get(token));
        var etag = first.Headers.ETag!.ToString();

        using var request = Get(token, 60_000, etag);
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(60_000, response.Content.Headers.ContentRange!.From);
        Assert.Equal(bytes[60_000..], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_range_with_a_stale_etag_gets_the_whole_file_again()
    {
        var (server, bytes, token) = await StartWithFileAsync(1000);
        await using var _ = server;

        using var request = Get(token, 500, "\"stale\"");
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_range_beyond_the_end_is_a_416()
    {
        var (server, _, token) = await StartWithFileAsync(1000);
        await using var _ = server;

        using var request = Get(token, 5000);
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_token_is_a_404()
    {
        var (server, _, _) = await StartWithFileAsync(10);
        await using var _ = server;

        using var response = await server.Client.SendAsync(Get("unknown"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_download_cut_once_breaks_the_transfer_and_a_ranged_retry_completes_it()
    {
        var (server, bytes, token) = await StartWithFileAsync(2_000_000);
        await using var _ = server;
        server.State.Faults.CutNextDownloadAfter(1_000_000);
        var received = new MemoryStream();
        string etag;
        long partial;

        using (var request = Get(token))
        using (var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            etag = response.Headers.ETag!.ToString();
            var body = await response.Content.ReadAsStreamAsync();
            await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(received));
            partial = received.Length;
        }

        using (var resume = Get(token, received.Length, etag))
        using (var response = await server.Client.SendAsync(resume))
        {
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            await (await response.Content.ReadAsStreamAsync()).CopyToAsync(received);
        }

        Assert.InRange(partial, 1, 1_000_000);
        Assert.Equal(1, server.State.Faults.CutsDone);
        Assert.Equal(bytes, received.ToArray());
    }

    [Fact]
    public async Task A_head_request_reports_length_and_etag_without_a_body()
    {
        var (server, bytes, token) = await StartWithFileAsync(1234);
        await using var _ = server;

        using var request = new HttpRequestMessage(HttpMethod.Head, $"/download?token={token}");
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.NotNull(response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
