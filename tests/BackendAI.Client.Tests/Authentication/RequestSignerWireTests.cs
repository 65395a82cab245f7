using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BackendAI.Client.Authentication;
using BackendAI.Client.Tests.Support;
using BackendAI.TestServer;

namespace BackendAI.Client.Tests.Authentication;

public sealed class RequestSignerWireTests : IClassFixture<LocalManagerFixture>
{
    private readonly TestServerHost _server;

    public RequestSignerWireTests(LocalManagerFixture fixture)
    {
        _server = fixture.Server;
    }

    public static TheoryData<string> HashTypes() =>
        ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512",
            "blake2b", "blake2s", "SHA256", "Blake2S"];

    public static TheoryData<string> Targets() =>
    [
        "/folders/my%20folder/files?path=a%20b/c%2Bd&e=f",
        "/folders/my folder/files?path=a b/c+d&e=f",
        "/echo?x=100%",
        "/folders/x/files?files=a.txt&files=dir/b%20c.txt",
        "/echo?q=%7E~",
        "/folders/한글 폴더/files",
        "/echo/../secret",
    ];

    [Theory]
    [MemberData(nameof(HashTypes))]
    public async Task The_server_accepts_a_request_signed_with_each_hash_type(string hashType)
    {
        using var client = Client(hashType);

        using HttpResponseMessage response = await client.GetAsync(new Uri("/echo?x=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task The_signed_target_is_the_one_on_the_wire_for_awkward_paths_and_queries(string target)
    {
        using var client = Client("sha256");
        var uri = new Uri(_server.BaseAddress, target);

        using HttpResponseMessage response = await client.GetAsync(uri);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument echo = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(uri.PathAndQuery, echo.RootElement.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Json_with_a_charset_multipart_with_a_boundary_and_a_mixed_case_media_type_are_accepted()
    {
        using var client = Client("sha256");
        using var json = new StringContent("{\"a\":1}", Encoding.UTF8, "application/json");
        using var multipart = new MultipartFormDataContent("xyz-boundary") { { new StringContent("v"), "k" } };
        using var mixed = new ByteArrayContent("{}"u8.ToArray());
        mixed.Headers.TryAddWithoutValidation("Content-Type", "Application/JSON");

        foreach (HttpContent content in new HttpContent[] { json, multipart, mixed })
        {
            using HttpResponseMessage response = await client.PostAsync(Relative("/echo"), content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_date_header_set_by_the_caller_is_what_gets_signed_as_the_manager_reads_it_first()
    {
        using var client = Client("sha256");
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/echo");
        request.Headers.Date = DateTimeOffset.UtcNow;

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string? sentDate = _server.Recorder.Requests.Last(r => r.Method == "DELETE").Header("Date");
        Assert.EndsWith(" GMT", sentDate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_host_header_is_signed_instead_of_the_uri_authority()
    {
        using var client = Client("sha256");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/echo?host=explicit");
        request.Headers.Host = "api.example.test";

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("api.example.test", Received("/echo?host=explicit").Header("Host"));
    }

    [Fact]
    public async Task A_request_signed_twice_carries_one_authorization_header_that_verifies()
    {
        var signer = new RequestSigner(TestKeypairs.DefaultAccessKey, TestKeypairs.DefaultSecretKey, "sha256");
        using var client = new HttpClient(new SigningHandler(signer)) { BaseAddress = _server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.BaseAddress, "/echo?twice=1"));
        request.Headers.TryAddWithoutValidation("Authorization", "BackendAI stale");

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Received("/echo?twice=1").Headers, h => h.Key == "Authorization");
    }

    [Fact]
    public async Task A_signature_from_another_secret_is_refused_by_the_server()
    {
        var signer = new RequestSigner(TestKeypairs.DefaultAccessKey, "not-the-right-secret-0000", "sha256");
        using var client = new HttpClient(new SigningHandler(signer)) { BaseAddress = _server.BaseAddress };

        using HttpResponseMessage response = await client.GetAsync(new Uri("/echo", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Signature mismatch", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_requests_through_one_signer_all_verify()
    {
        using var client = Client("sha256");

        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 32)
            .Select(i => client.GetAsync(new Uri($"/echo?n={i}", UriKind.Relative))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (HttpResponseMessage response in responses)
        {
            response.Dispose();
        }
    }

    private static Uri Relative(string target) => new(target, UriKind.Relative);

    private BackendAI.TestServer.Recording.RecordedRequest Received(string rawTarget) =>
        _server.Recorder.Requests.Last(r => r.RawTarget == rawTarget);

    private HttpClient Client(string hashType)
    {
        var signer = new RequestSigner(TestKeypairs.DefaultAccessKey, TestKeypairs.DefaultSecretKey, hashType);
        var client = new HttpClient(new SigningHandler(signer)) { BaseAddress = _server.BaseAddress };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}
