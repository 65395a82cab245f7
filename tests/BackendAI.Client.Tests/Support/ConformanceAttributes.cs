namespace BackendAI.Client.Tests.Support;

/// <summary>A fact that needs the conformance vectors: skipped, with the reason, where they are missing.</summary>
public sealed class ConformanceFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute, skipping when the vectors are missing outside CI.</summary>
    public ConformanceFactAttribute()
    {
        Skip = SharedFiles.SkipReason;
    }
}

/// <summary>A theory over the conformance vectors: skipped, with the reason, where they are missing.</summary>
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute, skipping when the vectors are missing outside CI.</summary>
    public ConformanceTheoryAttribute()
    {
        Skip = SharedFiles.SkipReason;
    }
}
