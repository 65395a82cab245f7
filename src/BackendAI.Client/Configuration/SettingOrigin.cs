namespace BackendAI.Client.Configuration;

/// <summary>Where a setting's value came from, as named in error messages.</summary>
/// <param name="Description">The source: a variable, a <c>.env</c> file and line, or a parameter.</param>
/// <param name="Setting">The .NET property name of the setting.</param>
internal readonly record struct SettingOrigin(string Description, string Setting)
{
    internal static SettingOrigin Parameter(string property, string seedName) =>
        new($"parameter {property} ({seedName})", property);

    internal static SettingOrigin Variable(EnvironmentValue value, string property) =>
        new(value.Describe(), property);

    /// <summary>Builds the error for a rejected value.</summary>
    /// <param name="quotedValue">The value to quote, or null when it must not be echoed.</param>
    /// <param name="problem">What is wrong, as a clause (for example "is not a number").</param>
    /// <param name="accepted">What would be accepted.</param>
    internal ConfigurationException Reject(string? quotedValue, string problem, string accepted)
    {
        var subject = quotedValue is null ? "the value" : $"\"{quotedValue}\"";
        return new ConfigurationException(
            $"{Description}: {subject} {problem}. Accepted: {accepted}.", Description, Setting);
    }
}
