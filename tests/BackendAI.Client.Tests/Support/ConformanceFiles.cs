using System.Text.Json;

namespace BackendAI.Client.Tests.Support;

/// <summary>Finds and loads the shared conformance vectors (<c>shared/conformance</c> beside the repository).</summary>
public static class ConformanceFiles
{
    /// <summary>Gets the absolute path of the conformance folder.</summary>
    public static string Directory => SharedFiles.ConformanceDirectory;

    /// <summary>Loads one conformance file as a JSON document.</summary>
    public static JsonDocument Load(string fileName)
    {
        string path = Path.Combine(Directory, fileName);
        return JsonDocument.Parse(File.ReadAllBytes(path));
    }
}
