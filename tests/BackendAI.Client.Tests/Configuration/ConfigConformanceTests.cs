using System.Globalization;
using System.Text.Json;
using BackendAI.Client.Configuration;
using BackendAI.Client.Tests.Support;

namespace BackendAI.Client.Tests.Configuration;

/// <summary>Runs every case of shared/conformance/config.json as its README describes.</summary>
[Collection(ProcessStateGroup.Name)]
public sealed class ConfigConformanceTests
{
    public static TheoryData<string> CaseIds => ConfigVector.Ids();

    [ConformanceFact]
    public void The_vector_file_holds_every_case_it_announces()
    {
        Assert.Equal(264, ConfigVector.Count);
    }

    [ConformanceTheory]
    [MemberData(nameof(CaseIds))]
    public void Configuration_vector_gives_the_expected_result(string id)
    {
        var vector = ConfigVector.Get(id);
        if (vector.HasTag("posix-env-names") && OperatingSystem.IsWindows())
        {
            // Windows variable names are case-insensitive; the case asserts POSIX behaviour.
            return;
        }

        using var tree = new TemporaryDirectoryTree();
        if (vector.DotEnv is { } dotenv)
        {
            tree.WriteDotEnv(dotenv.Location, dotenv.Text);
        }

        using var culture = new CultureScope(vector.Culture);
        var expect = vector.Expect;
        if (expect.TryGetProperty("error", out var error))
        {
            var exception = Assert.Throws<ConfigurationException>(() => Run(vector, tree));
            AssertErrorMessage(vector, error, exception.Message);
        }
        else
        {
            var result = Run(vector, tree);
            if (expect.TryGetProperty("value", out var value))
            {
                Assert.Equal(value.GetString(), result);
            }
            else
            {
                ConfigAssertions.Matches(expect, Assert.IsType<ApiConfig>(result));
            }
        }
    }

    private static object Run(ConfigVector vector, TemporaryDirectoryTree tree)
    {
        var variables = vector.Environment();
        if (vector.GetEnvCall is { } call)
        {
            var environment = ConfigurationEnvironment.FromVariables(variables, tree.WorkingDirectory);
            var key = call.GetProperty("key").GetString()!;
            var defaultValue = call.TryGetProperty("default", out var d) ? d.GetString() : null;
            return environment.GetEnv(key, defaultValue);
        }

        if (vector.ViaGetConfig)
        {
            return ViaGetConfig(variables, tree);
        }

        var options = ConfigArguments.ToOptions(vector.Args);
        options.ShuffleEndpoints = false;
        return ApiConfig.Create(options, ConfigurationEnvironment.FromVariables(variables, tree.WorkingDirectory));
    }

    private static ApiConfig ViaGetConfig(Dictionary<string, string> variables, TemporaryDirectoryTree tree)
    {
        // The process-wide configuration reads the environment itself; shuffling is switched off there.
        variables.TryAdd("BACKEND_ENDPOINT_SHUFFLE", "no");
        var previous = ApiConfig.ProcessEnvironment;
        ApiConfig.ProcessEnvironment =
            () => ConfigurationEnvironment.FromVariables(variables, tree.WorkingDirectory);
        try
        {
            ApiConfig.SetConfig(null);
            return ApiConfig.GetConfig();
        }
        finally
        {
            ApiConfig.ProcessEnvironment = previous;
            ApiConfig.SetConfig(null);
        }
    }

    private static void AssertErrorMessage(ConfigVector vector, JsonElement error, string message)
    {
        if (error.GetProperty("quotes") is { ValueKind: JsonValueKind.String } quotes)
        {
            Assert.Contains(quotes.GetString()!, message, StringComparison.Ordinal);
        }

        var source = error.GetProperty("source").GetString()!;
        if (source == ".env")
        {
            Assert.Contains(".env", message, StringComparison.Ordinal);
            Assert.Contains(error.GetProperty("variable").GetString()!, message, StringComparison.Ordinal);
            var line = error.GetProperty("line").GetInt32().ToString(CultureInfo.InvariantCulture);
            Assert.Contains("line " + line, message, StringComparison.Ordinal);
        }
        else if (source.StartsWith("parameter:", StringComparison.Ordinal))
        {
            var seedName = source["parameter:".Length..];
            Assert.True(
                message.Contains(seedName, StringComparison.Ordinal)
                || message.Contains(ConfigArguments.PropertyName(seedName), StringComparison.Ordinal),
                $"The message does not name the parameter {seedName}: {message}");
        }
        else
        {
            Assert.Contains(source, message, StringComparison.Ordinal);
        }

        if (error.TryGetProperty("also_names", out var alsoNames))
        {
            foreach (var name in alsoNames.EnumerateArray())
            {
                Assert.Contains(name.GetString()!, message, StringComparison.Ordinal);
            }
        }

        foreach (var secret in ConfigArguments.SecretKeys(vector))
        {
            Assert.DoesNotContain(secret, message, StringComparison.Ordinal);
        }
    }
}
