namespace BackendAI.Client.Transport;

/// <summary>A failed attempt as the retry rules see it.</summary>
/// <param name="Phase">Where the attempt failed.</param>
/// <param name="Failure">Why it failed.</param>
/// <param name="Description">A readable cause.</param>
internal readonly record struct ClassifiedFailure(RequestPhase Phase, TransportFailure Failure, string Description)
{
    /// <summary>Gets a value indicating whether no byte of the request can have reached the server.</summary>
    internal bool NothingSent => Phase == RequestPhase.Connect;
}
