using BackendAI.Client.Configuration;
using BackendAI.Client.Tests.Support;

namespace BackendAI.Client.Tests.Configuration;

/// <summary>Builds configurations from injected variables in a fresh directory tree, shuffling off.</summary>
internal static class ConfigFixture
{
    public static ApiConfig Build(IReadOnlyDictionary<string, string> variables, ApiConfigOptions? options = null)
    {
        using var tree = new TemporaryDirectoryTree();
        return Build(tree, variables, options);
    }

    public static ApiConfig Build(
        TemporaryDirectoryTree tree,
        IReadOnlyDictionary<string, string> variables,
        ApiConfigOptions? options = null)
    {
        options ??= new ApiConfigOptions();
        options.ShuffleEndpoints ??= false;
        return ApiConfig.Create(options, ConfigurationEnvironment.FromVariables(variables, tree.WorkingDirectory));
    }

    public static ConfigurationException Fails(
        IReadOnlyDictionary<string, string> variables, ApiConfigOptions? options = null) =>
        Assert.Throws<ConfigurationException>(() => Build(variables, options));

    public static Dictionary<string, string> Variable(string name, string value) => new() { [name] = value };
}
