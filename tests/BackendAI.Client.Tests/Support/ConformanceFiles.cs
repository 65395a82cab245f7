using System.Text.Json;

namespace BackendAI.Client.Tests.Support;

/// <summary>Finds and loads the shared conformance vectors (<c>shared/conformance</c> beside the repository).</summary>
public static class ConformanceFiles
{
    private static readonly Lazy<string> Folder = new(FindFolder);

    /// <summary>Gets the absolute path of the conformance folder.</summary>
    public static string Directory => Folder.Value;

    /// <summary>Loads one conformance file as a JSON document.</summary>
    public static JsonDocument Load(string fileName)
    {
        string path = Path.Combine(Directory, fileName);
        return JsonDocument.Parse(File.ReadAllBytes(path));
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "conformance");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No shared/conformance folder above {AppContext.BaseDirectory}; place shared/ beside the checkout.");
    }
}
