namespace BackendAI.TestServer.Verification;

/// <summary>The API versions manager 24.03 accepts in <c>X-BackendAI-Version</c> / <c>X-Sorna-Version</c>.</summary>
internal static class ApiVersions
{
    /// <summary>Gets the version the server announces.</summary>
    public const string Current = "v8.20240315";

    /// <summary>Gets the manager release the server announces.</summary>
    public const string ManagerRelease = "24.03.9";

    private static readonly HashSet<string> Valid = new(StringComparer.Ordinal)
    {
        "v4.20181215", "v4.20190115", "v4.20190315", "v4.20190615", "v5.20191215", "v6.20200815",
        "v6.20210815", "v6.20220315", "v6.20220615", "v6.20230315", "v7.20230615", Current,
    };

    /// <summary>Gets a value indicating whether the manager knows <paramref name="version"/>.</summary>
    public static bool IsValid(string version) => Valid.Contains(version);
}
