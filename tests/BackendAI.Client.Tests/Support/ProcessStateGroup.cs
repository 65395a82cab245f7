namespace BackendAI.Client.Tests.Support;

/// <summary>
/// Tests that touch process-wide state (the process-wide configuration, culture) run one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessStateGroup
{
    /// <summary>The collection name to put in <c>[Collection(...)]</c>.</summary>
    public const string Name = "Process state";
}
