using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using BackendAI.Client.Functions.Sessions;

namespace BackendAI.Cli.Commands;

/// <summary>
/// The options that shape a new session, shared by <c>run</c> and <c>session create</c>; one instance per
/// command.
/// </summary>
internal sealed class SessionCreationOptions
{
    /// <summary>Gets <c>--name</c>: the session's name (generated when absent).</summary>
    public Option<string?> Name { get; } = new("--name")
    {
        Description = "The session's name; an existing session of this name is reused. Generated when absent.",
    };

    /// <summary>Gets <c>--mount</c>, repeatable.</summary>
    public Option<string[]> Mounts { get; } = new("--mount", "-m")
    {
        Description = "A virtual folder to mount (repeatable); the folders of BACKEND_VFOLDER_MOUNTS follow.",
        Arity = ArgumentArity.ZeroOrMore,
        HelpName = "FOLDER",
    };

    /// <summary>Gets <c>--env</c>, repeatable <c>KEY=VALUE</c>.</summary>
    public Option<string[]> Environment { get; } = SessionKeyValues.CreateOption(
        "--env", "-e", "An environment variable for the session's containers (repeatable).");

    /// <summary>Gets <c>--resources</c>, repeatable <c>KEY=VALUE</c>.</summary>
    public Option<string[]> Resources { get; } = SessionKeyValues.CreateOption(
        "--resources", "-r", "A resource slot to request, such as cpu=2 or mem=4g (repeatable).");

    /// <summary>Gets <c>--group</c>.</summary>
    public Option<string?> Group { get; } = new("--group", "-g")
    {
        Description = "The project (group) to create the session in. Default: the configured group (BACKEND_GROUP).",
    };

    /// <summary>Gets <c>--domain</c>.</summary>
    public Option<string?> Domain { get; } = new("--domain")
    {
        Description = "The domain to create the session in. Default: the configured domain (BACKEND_DOMAIN).",
    };

    /// <summary>Gets <c>--type</c>.</summary>
    public Option<string?> Type { get; } = CreateTypeOption();

    /// <summary>Gets <c>--scaling-group</c>.</summary>
    public Option<string?> ScalingGroup { get; } = new("--scaling-group")
    {
        Description = "The scaling group (resource group) to run in. Default: the manager's choice.",
    };

    /// <summary>Gets <c>--cluster-size</c>.</summary>
    public Option<int> ClusterSize { get; } = CreateCountOption(
        "--cluster-size", "The number of containers of the session.", 1, minimum: 1);

    /// <summary>Gets <c>--enqueue-only</c>.</summary>
    public Option<bool> EnqueueOnly { get; } = new("--enqueue-only")
    {
        Description = "Return as soon as the session is queued instead of waiting for it to start.",
    };

    /// <summary>Gets <c>--max-wait</c>.</summary>
    public Option<int> MaxWait { get; } = CreateCountOption(
        "--max-wait", "Seconds the manager waits for the session to start; 0 leaves it to the manager.",
        0, minimum: 0);

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        Option[] options =
        [
            Name, Mounts, Environment, Resources, Group, Domain, Type, ScalingGroup, ClusterSize, EnqueueOnly,
            MaxWait,
        ];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Builds the library's creation options from the parsed command line.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="image">The image reference.</param>
    /// <param name="namePrefix">The prefix of a generated name.</param>
    public SessionCreateOptions Build(ParseResult parseResult, string image, string namePrefix)
    {
        var options = new SessionCreateOptions
        {
            Image = image,
            Name = parseResult.GetValue(Name) ?? GenerateName(namePrefix),
            Type = parseResult.GetValue(Type),
            Group = parseResult.GetValue(Group),
            Domain = parseResult.GetValue(Domain),
            ScalingGroup = parseResult.GetValue(ScalingGroup),
            ClusterSize = parseResult.GetValue(ClusterSize),
            EnqueueOnly = parseResult.GetValue(EnqueueOnly),
            MaxWaitSeconds = parseResult.GetValue(MaxWait),
        };
        foreach (var mount in parseResult.GetValue(Mounts) ?? [])
        {
            options.Mounts.Add(mount);
        }

        foreach (var (key, value) in SessionKeyValues.Read(parseResult, Environment))
        {
            options.Environment[key] = value;
        }

        foreach (var (key, value) in SessionKeyValues.Read(parseResult, Resources))
        {
            options.Resources[key] = value;
        }

        return options;
    }

    private static string GenerateName(string prefix) =>
        prefix + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

    private static Option<string?> CreateTypeOption()
    {
        var option = new Option<string?>("--type", "-t")
        {
            Description = "The session type: interactive (default), batch or inference.",
        };
        option.AcceptOnlyFromAmong("interactive", "batch", "inference");
        return option;
    }

    private static Option<int> CreateCountOption(string name, string description, int defaultValue, int minimum)
    {
        return new Option<int>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,

            // Parsed here rather than validated afterwards: a token that is not a number must be a usage error,
            // and reading the value of an option that failed to parse throws.
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
                if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                {
                    result.AddError($"{name} takes a whole number of {minimum} or more; got '{text}'.");
                    return defaultValue;
                }

                if (value < minimum)
                {
                    result.AddError($"{name} must be {minimum} or more; got '{value}'.");
                }

                return value;
            },
        };
    }
}
