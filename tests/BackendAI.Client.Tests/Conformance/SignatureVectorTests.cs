using System.Text.Json;
using BackendAI.Client.Authentication;
using BackendAI.Client.Tests.Support;

namespace BackendAI.Client.Tests.Conformance;

public sealed class SignatureVectorTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(LoadCases);

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (string id in Cases.Value.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    [ConformanceFact]
    public void The_vector_file_holds_all_339_cases()
    {
        Assert.Equal(339, Cases.Value.Count);
    }

    [ConformanceTheory]
    [MemberData(nameof(CaseIds))]
    public void Each_vector_gives_the_recorded_string_to_sign_signature_and_authorization(string id)
    {
        JsonElement c = Cases.Value[id];
        string hashType = c.GetProperty("hash_type").GetString()!;
        JsonElement expected = c.GetProperty("expected");

        if (expected.TryGetProperty("error", out JsonElement error))
        {
            Assert.Equal("unsupported-hash-type", error.GetString());
            Assert.False(SignatureCalculator.IsSupported(hashType));
            var refusal = Assert.Throws<ArgumentException>(() => new RequestSigner("AK", "secret", hashType));
            Assert.Contains($"'{hashType}'", refusal.Message, StringComparison.Ordinal);
            return;
        }

        Assert.True(SignatureCalculator.IsSupported(hashType));
        string date = c.GetProperty("date").GetString()!;
        string host = c.GetProperty("host").GetString()!;
        string mediaType = SignatureCalculator.MediaTypeOf(c.GetProperty("content_type").GetString());
        string stringToSign = SignatureCalculator.BuildStringToSign(
            c.GetProperty("method").GetString()!, c.GetProperty("target").GetString()!, date, host, mediaType,
            c.GetProperty("version").GetString()!, hashType);
        Assert.Equal(expected.GetProperty("string_to_sign").GetString(), stringToSign);

        string signature = SignatureCalculator.ComputeSignature(
            c.GetProperty("secret_key").GetString()!, hashType, date, host, stringToSign);
        Assert.Equal(expected.GetProperty("signature").GetString(), signature);

        string authorization = SignatureCalculator.FormatAuthorization(
            c.GetProperty("access_key").GetString()!, hashType, signature);
        Assert.Equal(expected.GetProperty("authorization").GetString(), authorization);
    }

    public static TheoryData<string> MessageCaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var (id, c) in Cases.Value)
        {
            // Only vectors whose target survives System.Uri unchanged can be sent as a message (DESIGN §4 traps).
            if (!c.GetProperty("expected").TryGetProperty("error", out _)
                && BuildMessage(c).RequestUri!.PathAndQuery == c.GetProperty("target").GetString())
            {
                data.Add(id);
            }
        }

        return data;
    }

    [ConformanceFact]
    public void Most_vectors_can_be_replayed_as_request_messages()
    {
        // Guards the theory below against silently shrinking: most targets are plain enough for System.Uri.
        var count = MessageCaseIds().Count;
        Assert.True(count > 250, $"only {count} vectors replayable");
    }

    [ConformanceTheory]
    [MemberData(nameof(MessageCaseIds))]
    public void Each_vector_signed_as_a_request_message_gives_the_recorded_authorization(string id)
    {
        JsonElement c = Cases.Value[id];
        using var message = BuildMessage(c);
        var signer = new RequestSigner(
            c.GetProperty("access_key").GetString()!, c.GetProperty("secret_key").GetString()!,
            c.GetProperty("hash_type").GetString()!);

        signer.Sign(message);

        var authorization = string.Join(",", message.Headers.NonValidated["Authorization"]);
        Assert.Equal(c.GetProperty("expected").GetProperty("authorization").GetString(), authorization);
    }

    private static HttpRequestMessage BuildMessage(JsonElement c)
    {
        var message = new HttpRequestMessage(
            new HttpMethod(c.GetProperty("method").GetString()!),
            new Uri("http://signing.invalid" + c.GetProperty("target").GetString()));
        message.Headers.TryAddWithoutValidation("Host", c.GetProperty("host").GetString());
        message.Headers.TryAddWithoutValidation("X-BackendAI-Date", c.GetProperty("date").GetString());
        message.Headers.TryAddWithoutValidation("X-BackendAI-Version", c.GetProperty("version").GetString());
        if (c.GetProperty("content_type").GetString() is { } contentType)
        {
            message.Content = new ByteArrayContent([]);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return message;
    }

    private static Dictionary<string, JsonElement> LoadCases()
    {
        using JsonDocument document = ConformanceFiles.Load("signatures.json");
        return document.RootElement.GetProperty("cases").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.Clone());
    }
}
