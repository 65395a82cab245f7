namespace BackendAI.Client.Configuration;

/// <summary>How the client reaches Backend.AI and authenticates.</summary>
public enum EndpointType
{
    /// <summary>The manager's REST API, each request signed with the access and secret key.</summary>
    Api,

    /// <summary>A web (console) server, with a login cookie obtained from a user name and password.</summary>
    Session,
}
