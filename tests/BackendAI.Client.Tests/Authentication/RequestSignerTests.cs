using BackendAI.Client.Authentication;

namespace BackendAI.Client.Tests.Authentication;

public sealed class RequestSignerTests
{
    private const string AccessKey = "AKTESTKEY00000000000";
    private const string SecretKey = "test-secret-key-0123456789abcdefghijklmn";
    private const string Date = "2024-03-15T10:20:30.123456+00:00";

    [Theory]
    [InlineData("http://127.0.0.1:80/echo", "127.0.0.1")]
    [InlineData("https://api.example.test:443/echo", "api.example.test")]
    [InlineData("https://münchen.example:8443/echo", "xn--mnchen-3ya.example:8443")]
    [InlineData("http://[::1]:18082/echo", "[::1]:18082")]
    [InlineData("https://[2001:DB8:0:0:0:0:0:1]/echo", "[2001:db8::1]")]
    [InlineData("http://API.Example.TEST:8080/echo", "api.example.test:8080")]
    public void The_signed_host_is_the_host_header_the_handler_sends(string uri, string wireHost)
    {
        var signer = new RequestSigner(AccessKey, SecretKey, "sha256");
        using HttpRequestMessage request = Request(HttpMethod.Get, uri);

        signer.Sign(request);

        Assert.Equal(Expected(request, wireHost, "application/octet-stream"), Authorization(request));
    }

    [Fact]
    public void The_day_of_the_key_follows_each_request_date_not_a_cached_one()
    {
        var signer = new RequestSigner(AccessKey, SecretKey, "sha256");
        using HttpRequestMessage first = Request(HttpMethod.Get, "http://h:81/a", "2024-03-15T23:59:59.9+00:00");
        using HttpRequestMessage second = Request(HttpMethod.Get, "http://h:81/a", "2024-03-16T00:00:00.0+00:00");

        signer.Sign(first);
        signer.Sign(second);

        Assert.Equal(Expected(first, "h:81", "application/octet-stream"), Authorization(first));
        Assert.Equal(Expected(second, "h:81", "application/octet-stream"), Authorization(second));
        Assert.NotEqual(Authorization(first)[^64..], Authorization(second)[^64..]);
    }

    [Fact]
    public void The_raw_content_type_is_reduced_to_its_media_type()
    {
        var signer = new RequestSigner(AccessKey, SecretKey, "sha256");
        using HttpRequestMessage request = Request(HttpMethod.Post, "http://h/a");
        request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");

        signer.Sign(request);

        Assert.Equal(Expected(request, "h", "application/json"), Authorization(request));
    }

    [Fact]
    public void A_missing_date_is_reported_naming_the_header()
    {
        var signer = new RequestSigner(AccessKey, SecretKey, "sha256");
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://h/a");
        request.Headers.TryAddWithoutValidation("X-BackendAI-Version", "v8.20240315");

        var error = Assert.Throws<InvalidOperationException>(() => signer.Sign(request));

        Assert.Contains("X-BackendAI-Date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_version_is_reported_naming_the_header()
    {
        var signer = new RequestSigner(AccessKey, SecretKey, "sha256");
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://h/a");
        request.Headers.TryAddWithoutValidation("X-BackendAI-Date", Date);

        var error = Assert.Throws<InvalidOperationException>(() => signer.Sign(request));

        Assert.Contains("X-BackendAI-Version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_without_a_readable_day_is_reported_quoting_it()
    {
        var signer = new RequestSigner(AccessKey, SecretKey, "sha256");
        using HttpRequestMessage request = Request(HttpMethod.Get, "http://h/a", "yesterday");

        var error = Assert.Throws<InvalidOperationException>(() => signer.Sign(request));

        Assert.Contains("'yesterday'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_hash_is_refused_naming_the_argument_and_quoting_the_value()
    {
        var error = Assert.Throws<ArgumentException>(() => new RequestSigner(AccessKey, SecretKey, "sha-256"));

        Assert.Equal("hashType", error.ParamName);
        Assert.Contains("'sha-256'", error.Message, StringComparison.Ordinal);
        Assert.Contains("blake2s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_never_show_the_secret_key()
    {
        var signer = new RequestSigner(AccessKey, SecretKey, "sha256");
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://h/a");

        var error = Assert.Throws<InvalidOperationException>(() => signer.Sign(request));

        Assert.DoesNotContain(SecretKey, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, signer.ToString(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RequestSigner(AccessKey, "", "sha256"));
    }

    [Theory]
    [InlineData(null, "application/octet-stream")]
    [InlineData("application/json; charset=utf-8", "application/json")]
    [InlineData("  Multipart/Form-Data ; boundary=\"a;b\"", "multipart/form-data")]
    [InlineData("json", "text/plain")]
    [InlineData("", "text/plain")]
    [InlineData("a/b/c", "text/plain")]
    public void The_media_type_follows_the_manager_rules(string? header, string mediaType)
    {
        Assert.Equal(mediaType, SignatureCalculator.MediaTypeOf(header));
    }

    private static HttpRequestMessage Request(HttpMethod method, string uri, string date = Date)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("X-BackendAI-Date", date);
        request.Headers.TryAddWithoutValidation("X-BackendAI-Version", "v8.20240315");
        return request;
    }

    private static string Authorization(HttpRequestMessage request) =>
        Assert.Single(request.Headers.NonValidated["Authorization"]);

    private static string Expected(HttpRequestMessage request, string host, string mediaType)
    {
        string date = request.Headers.NonValidated["X-BackendAI-Date"].ToString();
        string text = SignatureCalculator.BuildStringToSign(
            request.Method.Method, request.RequestUri!.PathAndQuery, date, host, mediaType, "v8.20240315",
            "sha256");
        string signature = SignatureCalculator.ComputeSignature(SecretKey, "sha256", date, host, text);
        return SignatureCalculator.FormatAuthorization(AccessKey, "sha256", signature);
    }
}
