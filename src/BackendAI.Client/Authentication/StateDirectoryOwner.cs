using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;

namespace BackendAI.Client.Authentication;

/// <summary>Tells whether a file or directory belongs to a user other than the current one (Unix only).</summary>
/// <remarks>
/// .NET has no API for a file's owner. On Linux the owner comes from <c>statx</c>, whose buffer layout is the
/// same on every architecture. Elsewhere (or when <c>statx</c> is unavailable) the check falls back to setting the
/// file's current mode again, which only its owner or a privileged user may do; that fallback cannot see another
/// owner when running as root.
/// </remarks>
internal static class StateDirectoryOwner
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxUid = 0x8;
    private const int StatxBufferSize = 256;
    private const int StatxUidOffset = 20;

    /// <summary>
    /// Describes the other owner (for example <c>uid 1000</c>), or returns null when the caller owns it.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    internal static string? FindOtherOwner(string path)
    {
        if (OperatingSystem.IsLinux() && TryGetOwnerOnLinux(path, out var owner, out var me))
        {
            return owner == me ? null : string.Create(CultureInfo.InvariantCulture, $"uid {owner}");
        }

        try
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path));
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return "not the current user";
        }
    }

    private static bool TryGetOwnerOnLinux(string path, out uint owner, out uint me)
    {
        owner = 0;
        me = 0;
        var buffer = new byte[StatxBufferSize];
        try
        {
            var utf8Path = Encoding.UTF8.GetBytes(path + "\0");
            if (Statx(AtCurrentDirectory, utf8Path, 0, StatxUid, buffer) != 0)
            {
                // ENOSYS or a seccomp refusal: use the portable fallback instead.
                return false;
            }

            owner = BitConverter.ToUInt32(buffer, StatxUidOffset);
            me = GetEffectiveUserId();
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "statx")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(
        int directoryFd,
        byte[] nullTerminatedUtf8Path,
        int flags,
        uint mask,
        [Out] byte[] buffer);

    [DllImport("libc.so.6", EntryPoint = "geteuid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint GetEffectiveUserId();
}
