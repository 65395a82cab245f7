namespace BackendAI.Client.Tests.Support;

/// <summary>A fresh directory tree root/a/b under the temporary folder, deleted on dispose.</summary>
internal sealed class TemporaryDirectoryTree : IDisposable
{
    public TemporaryDirectoryTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "backendai-tests-" + Guid.NewGuid().ToString("N"));
        Parent = Path.Combine(Root, "a");
        WorkingDirectory = Path.Combine(Parent, "b");
        Directory.CreateDirectory(WorkingDirectory);

        for (var directory = Directory.GetParent(Root); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ".env")))
            {
                throw new InvalidOperationException($"A .env file above {Root} would leak into the tests.");
            }
        }
    }

    public string Root { get; }

    public string Parent { get; }

    /// <summary>Gets root/a/b, used as the working directory.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Writes a .env file at "cwd", "parent" or "grandparent" and returns its path.</summary>
    public string WriteDotEnv(string location, string text)
    {
        var directory = location switch
        {
            "cwd" => WorkingDirectory,
            "parent" => Parent,
            "grandparent" => Root,
            _ => throw new ArgumentOutOfRangeException(nameof(location), location, "unknown .env location"),
        };

        var path = Path.Combine(directory, ".env");
        File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the test result does not depend on it.
        }
    }
}
