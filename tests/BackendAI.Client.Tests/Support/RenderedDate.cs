namespace BackendAI.Client.Tests.Support;

/// <summary>A date rendered for a conformance case, with the calendar day its text shows (<c>yyyymmdd</c>).</summary>
public sealed record RenderedDate(string Text, string Day);
