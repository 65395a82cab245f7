using System.Text.Json;

namespace BackendAI.Client;

/// <summary>The fields of a Backend.AI error answer (<c>application/problem+json</c>).</summary>
/// <param name="Type">The problem type URI, such as <c>https://api.backend.ai/probs/invalid-parameters</c>.</param>
/// <param name="Title">The short human-readable title.</param>
/// <param name="Message">The <c>msg</c> field, when present.</param>
/// <param name="Data">The <c>data</c> field, when present.</param>
public sealed record ProblemDocument(string? Type, string? Title, string? Message, JsonElement? Data);
