using System.Globalization;

namespace BackendAI.Client.Configuration;

/// <summary>An API version string such as <c>v8.20240315</c>: a major number and a release date.</summary>
/// <param name="Major">The major protocol version.</param>
/// <param name="Date">The release date as <c>yyyymmdd</c>.</param>
internal readonly record struct ApiVersion(int Major, int Date) : IComparable<ApiVersion>
{
    /// <summary>The oldest server version this client is meant to talk to.</summary>
    internal static readonly ApiVersion Oldest = new(7, 20230615);

    /// <summary>Parses <c>v&lt;major&gt;.&lt;yyyymmdd&gt;</c>; false for anything else.</summary>
    internal static bool TryParse(string? text, out ApiVersion version)
    {
        version = default;
        if (text is null || text.Length < 4 || text[0] != 'v')
        {
            return false;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 2 || text.Length - dot - 1 != 8
            || !int.TryParse(text.AsSpan(1, dot - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var date))
        {
            return false;
        }

        version = new ApiVersion(major, date);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(ApiVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Date.CompareTo(other.Date);

    /// <summary>Compares two versions.</summary>
    public static bool operator <(ApiVersion left, ApiVersion right) => left.CompareTo(right) < 0;

    /// <summary>Compares two versions.</summary>
    public static bool operator >(ApiVersion left, ApiVersion right) => left.CompareTo(right) > 0;

    /// <summary>Compares two versions.</summary>
    public static bool operator <=(ApiVersion left, ApiVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two versions.</summary>
    public static bool operator >=(ApiVersion left, ApiVersion right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"v{Major}.{Date:D8}");
}
