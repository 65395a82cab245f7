using System.Text.Json;
using BackendAI.Client.Tests.Support;

namespace BackendAI.Client.Tests.Configuration;

/// <summary>One case of shared/conformance/config.json.</summary>
internal sealed class ConfigVector
{
    private static readonly Lazy<Dictionary<string, ConfigVector>> All = new(Load);

    private ConfigVector(JsonElement element)
    {
        Element = element;
    }

    public JsonElement Element { get; }

    public string Id => Element.GetProperty("id").GetString()!;

    public JsonElement Expect => Element.GetProperty("expect");

    public JsonElement Args => Element.GetProperty("args");

    public string? Culture => Optional("culture")?.GetString();

    public bool ViaGetConfig => Optional("via")?.GetString() == "get_config";

    public JsonElement? GetEnvCall => Optional("get_env");

    public bool HasTag(string tag) => Element.GetProperty("tags").EnumerateArray().Any(t => t.GetString() == tag);

    public Dictionary<string, string> Environment() =>
        Element.GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    public (string Location, string Text)? DotEnv =>
        Optional("dotenv") is { ValueKind: JsonValueKind.Object } dotenv
            ? (dotenv.GetProperty("location").GetString()!, dotenv.GetProperty("text").GetString()!)
            : null;

    public static int Count => All.Value.Count;

    public static ConfigVector Get(string id) => All.Value[id];

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in All.Value.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    private JsonElement? Optional(string name) =>
        Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static Dictionary<string, ConfigVector> Load()
    {
        var path = Path.Combine(SharedFiles.ConformanceDirectory, "config.json");
        using var stream = File.OpenRead(path);
        var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("cases").EnumerateArray()
            .Select(c => new ConfigVector(c.Clone()))
            .ToDictionary(v => v.Id, StringComparer.Ordinal);
    }
}
