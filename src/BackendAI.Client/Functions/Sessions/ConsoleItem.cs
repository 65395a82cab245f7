namespace BackendAI.Client.Functions.Sessions;

/// <summary>One piece of console output.</summary>
/// <param name="Stream">The output stream: <c>stdout</c>, <c>stderr</c>, <c>media</c>, <c>html</c>, <c>log</c>.</param>
/// <param name="Text">The text (for media items, the JSON of the item).</param>
public sealed record ConsoleItem(string Stream, string Text);
