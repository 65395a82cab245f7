using System.Net;
using System.Text;
using System.Text.Json;
using BackendAI.Client.Configuration;
using BackendAI.Client.Tests.Support;
using BackendAI.Client.Transport;
using BackendAI.TestServer;

namespace BackendAI.Client.Tests.Transport;

/// <summary>What the pipeline puts on the wire, checked by the local manager's own verification (issue 3).</summary>
public sealed class PipelineWireTests : IClassFixture<LocalManagerFixture>
{
    private readonly TestServerHost _server;

    public PipelineWireTests(LocalManagerFixture fixture)
    {
        _server = fixture.Server;
    }

    [Fact]
    public async Task The_signed_host_is_the_Host_header_received_with_its_non_default_port()
    {
        using var client = PipelineKit.Client(PipelineKit.Config(_server));
        var path = "/echo/host-" + Guid.NewGuid().ToString("N");

        using var response = await client.SendAsync(HttpMethod.Get, path);

        var recorded = Recorded(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, recorded.Status);
        Assert.NotEqual(80, _server.BaseAddress.Port);
        Assert.Equal(_server.HostHeader, recorded.Header("Host"));
        Assert.Equal(_server.HostHeader, Echo(response, "host"));
        Assert.Equal(TestKeypairs.DefaultAccessKey, Echo(response, "access_key"));
    }

    [Fact]
    public async Task An_endpoint_with_a_base_path_gets_the_request_path_appended_and_signed_whole()
    {
        var endpoint = new Uri(_server.BaseAddress, "/gateway/manager");
        using var client = PipelineKit.Client(PipelineKit.Config([endpoint]));
        var path = "/echo/base-" + Guid.NewGuid().ToString("N");

        using var response = await client.SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/gateway/manager" + path, Echo(response, "target"));
    }

    [Fact]
    public async Task The_standard_headers_go_with_every_signed_request()
    {
        using var client = PipelineKit.Client(PipelineKit.Config([_server.BaseAddress], o =>
        {
            o.Domain = "research";
            o.UserAgent = "pipeline-tests/1.0";
        }));
        var path = "/echo/headers-" + Guid.NewGuid().ToString("N");

        using var response = await client.SendAsync(HttpMethod.Get, path);

        var recorded = Recorded(path);
        Assert.Equal("pipeline-tests/1.0", recorded.Header("User-Agent"));
        Assert.Equal("v8.20240315", recorded.Header("X-BackendAI-Version"));
        Assert.Equal("research", recorded.Header("X-BackendAI-Domain"));
        Assert.NotNull(recorded.Header("X-BackendAI-Date"));
        Assert.StartsWith("BackendAI signMethod=HMAC-SHA256, credential=" + TestKeypairs.DefaultAccessKey + ":",
            recorded.Header("Authorization"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8", "{\"name\":\"s1\"}")]
    [InlineData("Application/JSON", "{\"name\":\"s1\"}")]
    [InlineData("multipart/form-data; boundary=----b0undary42", "------b0undary42\r\nContent-Disposition: "
        + "form-data; name=\"src\"\r\n\r\nx\r\n------b0undary42--\r\n")]
    public async Task A_media_type_with_parameters_or_capitals_is_sent_as_written_and_accepted(
        string contentType, string body)
    {
        using var client = PipelineKit.Client(PipelineKit.Config(_server));
        var path = "/echo/media-" + Guid.NewGuid().ToString("N");

        var request = new ApiRequest(HttpMethod.Post, path).WithText(body, contentType);
        using var response = await client.SendAsync(request);

        var recorded = Recorded(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, recorded.Header("Content-Type"));
        Assert.Equal(body, Encoding.UTF8.GetString(recorded.Body));
    }

    [Theory]
    [InlineData("/folders/my folder/files", "path=a b/c+d|e=f", "/folders/my%20folder/files?path=a%20b%2Fc%2Bd&e=f")]
    [InlineData("/folders/f/files", "x=100%", "/folders/f/files?x=100%25")]
    [InlineData("/folders/f/files", "files=a.txt|files=dir/b c.txt",
        "/folders/f/files?files=a.txt&files=dir%2Fb%20c.txt")]
    [InlineData("/folders/f/files", "q=%7E~", "/folders/f/files?q=%257E~")]
    [InlineData("/folders/데이터/files", "path=보고서 1.txt",
        "/folders/%EB%8D%B0%EC%9D%B4%ED%84%B0/files?path=%EB%B3%B4%EA%B3%A0%EC%84%9C%201.txt")]
    public async Task Awkward_paths_and_query_parameters_are_escaped_once_and_accepted(
        string path, string query, string expectedTarget)
    {
        using var client = PipelineKit.Client(PipelineKit.Config(_server));
        var request = new ApiRequest(HttpMethod.Get, path);
        foreach (var pair in query.Split('|'))
        {
            var parts = pair.Split('=', 2);
            request.AddQuery(parts[0], parts[1]);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedTarget, Echo(response, "target"));
    }

    [Theory]
    [InlineData("/folders/my folder/files?path=a b/c+d&e=f")]
    [InlineData("/folders/f/files?x=100%25&files=a.txt&files=dir/b%20c.txt")]
    [InlineData("/folders/f/files?q=%7E~")]
    [InlineData("/folders/데이터/files?path=보고서.txt")]
    public async Task A_query_written_into_the_path_is_signed_as_it_goes_on_the_wire(string pathAndQuery)
    {
        using var client = PipelineKit.Client(PipelineKit.Config(_server));

        using var response = await client.SendAsync(HttpMethod.Get, pathAndQuery);

        var target = Echo(response, "target");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(' ', target!);
        Assert.Contains(_server.Recorder.Requests, r => r.RawTarget == target && r.Status == 200);
    }

    [Theory]
    [MemberData(nameof(HashTypes))]
    public async Task Every_hash_type_signs_requests_the_manager_accepts(string hashType)
    {
        var config = PipelineKit.Config([_server.BaseAddress], o => o.HashType = hashType);
        using var client = PipelineKit.Client(config);
        var path = "/echo/hash-" + Guid.NewGuid().ToString("N");

        using var response = await client.SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("BackendAI signMethod=HMAC-" + hashType.ToUpperInvariant() + ",",
            Recorded(path).Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_client_sends_no_Authorization_and_gets_the_managers_refusal_as_an_api_error()
    {
        using var client = PipelineKit.Client(PipelineKit.Config([_server.BaseAddress], o =>
        {
            o.AccessKey = "";
            o.SecretKey = "";
        }));
        var path = "/echo/anonymous-" + Guid.NewGuid().ToString("N");

        var error = await Assert.ThrowsAsync<BackendAIApiException>(() => client.SendAsync(HttpMethod.Get, path));
        using var versions = await client.SendAsync(HttpMethod.Get, "/");

        var recorded = Recorded(path);
        Assert.Null(recorded.Header("Authorization"));
        Assert.NotNull(recorded.Header("X-BackendAI-Date"));
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("https://api.backend.ai/probs/auth-failed", error.Problem?.Type);
        Assert.Equal(HttpStatusCode.OK, versions.StatusCode);
    }

    public static TheoryData<string> HashTypes() => new(SignatureHashTypes.All);

    private TestServer.Recording.RecordedRequest Recorded(string path) =>
        Assert.Single(_server.Recorder.Requests, r => r.RawTarget == path);

    private static string? Echo(ApiResponse response, string field)
    {
        using var document = response.ReadJsonDocument();
        var value = document.RootElement.GetProperty(field);
        return value.ValueKind == JsonValueKind.Null ? null : value.ToString();
    }
}
