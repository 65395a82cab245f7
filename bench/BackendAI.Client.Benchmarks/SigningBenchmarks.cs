using BackendAI.Client.Authentication;
using BenchmarkDotNet.Attributes;

namespace BackendAI.Client.Benchmarks;

/// <summary>Signing one request (a GET with a JSON content type) per hash type, derived key cached.</summary>
[MemoryDiagnoser]
public class SigningBenchmarks : IDisposable
{
    private RequestSigner _signer = null!;
    private HttpRequestMessage _request = null!;

    [Params("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512",
        "blake2b", "blake2s")]
    public string HashType { get; set; } = "sha256";

    [GlobalSetup]
    public void Setup()
    {
        _signer = new RequestSigner("AKTESTKEY00000000000", "test-secret-key-0123456789abcdefghijklmn", HashType);
        _request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:8081/folders/x/files?path=a%20b");
        _request.Headers.TryAddWithoutValidation("X-BackendAI-Date", "2024-03-15T10:20:30.123456+00:00");
        _request.Headers.TryAddWithoutValidation("X-BackendAI-Version", "v8.20240315");
        _request.Content = new ByteArrayContent([]);
        _request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        _signer.Sign(_request);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _request?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public void SignRequest() => _signer.Sign(_request);
}
