using System.Text.Json.Nodes;

namespace BackendAI.TestServer.Emulation;

/// <summary>A request body field of the wrong JSON type; the manager routes answer it with a 400 problem.</summary>
internal sealed class InvalidFieldException : Exception
{
    public InvalidFieldException()
    {
    }

    public InvalidFieldException(string message)
        : base(message)
    {
    }

    public InvalidFieldException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidFieldException(string field, string expected, JsonNode? given)
        : base($"Field '{field}' must be {expected}, not {given?.ToJsonString() ?? "null"}.")
    {
    }
}
