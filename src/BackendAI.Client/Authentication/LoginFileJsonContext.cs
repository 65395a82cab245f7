using System.Text.Json.Serialization;

namespace BackendAI.Client.Authentication;

/// <summary>Source-generated, strict JSON handling for the login file: unknown members and nulls are refused.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowTrailingCommas = false,
    MaxDepth = 8)]
[JsonSerializable(typeof(LoginFileDocument))]
internal sealed partial class LoginFileJsonContext : JsonSerializerContext
{
}
