using BackendAI.Client.Configuration;

namespace BackendAI.Client.Authentication;

/// <summary>Finds the default login store of a configuration.</summary>
internal static class LoginStores
{
    /// <summary>The store under the state directory the configuration's environment names.</summary>
    internal static LoginStore ForConfig(ApiConfig config) =>
        new(LoginStore.ResolveStateDirectory(name => config.Environment.GetVariable(name)));
}
