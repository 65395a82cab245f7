using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BackendAI.Client.Tests.Emulation;

public sealed class StorageProxyUploadTests
{
    private static async Task<(string Token, Uri Url)> RequestUploadAsync(
        EmulationServer server, string path, long size)
    {
        using var response = await server.SendJsonAsync(HttpMethod.Post, "/folders/data/request-upload",
            new JsonObject { ["path"] = path, ["size"] = size });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (answer["token"]!.GetValue<string>(), new Uri(answer["url"]!.GetValue<string>()));
    }

    private static HttpRequestMessage Patch(string token, long offset, byte[] bytes, int start, int count)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/upload?token={token}")
        {
            Content = new ByteArrayContent(bytes, start, count),
        };
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return request;
    }

    private static async Task<long> HeadOffsetAsync(EmulationServer server, string token)
    {
        using var head = new HttpRequestMessage(HttpMethod.Head, $"/upload?token={token}");
        head.Headers.Add("Tus-Resumable", "1.0.0");
        using var response = await server.Client.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var offset = response.Headers.GetValues("Upload-Offset").Single();
        return long.Parse(offset, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task The_ticket_url_points_at_the_requesting_host_by_default_and_at_the_public_url_when_set()
    {
        await using var server = await EmulationServer.StartAsync();
        server.State.CreateFolder("data");

        var (_, local) = await RequestUploadAsync(server, "a.bin", 1);
        server.State.StorageProxyPublicUrl = new Uri("http://storage-internal:6021");
        var (_, remote) = await RequestUploadAsync(server, "a.bin", 1);

        Assert.Equal(new Uri(server.BaseAddress, "/upload"), local);
        Assert.Equal(new Uri("http://storage-internal:6021/upload"), remote);
    }

    [Fact]
    public async Task A_file_uploaded_in_chunks_lands_in_the_folder_byte_for_byte()
    {
        await using var server = await EmulationServer.StartAsync();
        var folder = server.State.CreateFolder("data");
        var bytes = Pattern(300_000);
        var (token, _) = await RequestUploadAsync(server, "dir/a.bin", bytes.Length);

        for (var offset = 0; offset < bytes.Length; offset += 100_000)
        {
            using var request = Patch(token, offset, bytes, offset, 100_000);
            using var response = await server.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.Equal("1.0.0", response.Headers.GetValues("Tus-Resumable").Single());
            Assert.Equal((offset + 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                response.Headers.GetValues("Upload-Offset").Single());
        }

        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(folder.DirectoryPath, "dir", "a.bin")));
        Assert.Equal(bytes.Length, await HeadOffsetAsync(server, token));
    }

    [Fact]
    public async Task A_patch_at_the_wrong_offset_is_a_409_and_writes_nothing()
    {
        await using var server = await EmulationServer.StartAsync();
        server.State.CreateFolder("data");
        var bytes = Pattern(10);
        var (token, _) = await RequestUploadAsync(server, "a.bin", bytes.Length);

        using var request = Patch(token, 5, bytes, 0, 5);
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0, await HeadOffsetAsync(server, token));
    }

    [Fact]
    public async Task A_patch_with_another_content_type_is_a_415()
    {
        await using var server = await EmulationServer.StartAsync();
        server.State.CreateFolder("data");
        var (token, _) = await RequestUploadAsync(server, "a.bin", 4);

        using var request = Patch(token, 0, [1, 2, 3, 4], 0, 4);
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_patch_past_the_announced_length_is_refused()
    {
        await using var server = await EmulationServer.StartAsync();
        server.State.CreateFolder("data");
        var (token, _) = await RequestUploadAsync(server, "a.bin", 4);

        using var request = Patch(token, 0, [1, 2, 3, 4, 5], 0, 5);
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_token_is_a_404()
    {
        await using var server = await EmulationServer.StartAsync();

        using var request = Patch("nope", 0, [1], 0, 1);
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_upload_cut_once_keeps_the_bytes_before_the_cut_and_resumes_from_there()
    {
        await using var server = await EmulationServer.StartAsync();
        var folder = server.State.CreateFolder("data");
        var bytes = Pattern(1_000_000);
        var (token, _) = await RequestUploadAsync(server, "a.bin", bytes.Length);
        server.State.Faults.CutNextUploadAfter(400_000);

        using (var request = Patch(token, 0, bytes, 0, bytes.Length))
        {
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => server.Client.SendAsync(request));
        }

        var offset = await HeadOffsetAsync(server, token);
        using (var resume = Patch(token, offset, bytes, (int)offset, bytes.Length - (int)offset))
        using (var response = await server.Client.SendAsync(resume))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        Assert.Equal(400_000, offset);
        Assert.Equal(1, server.State.Faults.CutsDone);
        Assert.Null(server.State.Faults.PendingUploadCut);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(folder.DirectoryPath, "a.bin")));
    }

    [Fact]
    public async Task One_patch_larger_than_the_default_request_body_limit_is_accepted()
    {
        await using var server = await EmulationServer.StartAsync();
        var folder = server.State.CreateFolder("data");
        const int Size = 40 * 1024 * 1024;
        var (token, _) = await RequestUploadAsync(server, "big.bin", Size);

        using var content = new StreamContent(new PatternStream(Size));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/upload?token={token}");
        request.Content = content;
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Offset", "0");

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Size, new FileInfo(Path.Combine(folder.DirectoryPath, "big.bin")).Length);
    }

    [Fact]
    public async Task An_empty_upload_creates_an_empty_file_on_its_first_head()
    {
        await using var server = await EmulationServer.StartAsync();
        var folder = server.State.CreateFolder("data");
        var (token, _) = await RequestUploadAsync(server, "empty.txt", 0);

        Assert.Equal(0, await HeadOffsetAsync(server, token));
        Assert.True(File.Exists(Path.Combine(folder.DirectoryPath, "empty.txt")));
    }
}
