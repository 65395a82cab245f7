using BackendAI.Client.Authentication;

namespace BackendAI.Client.Tests.Authentication;

public sealed class LoginStoreStateDirectoryTests
{
    private static readonly Func<Environment.SpecialFolder, string> NoFolders = _ => string.Empty;

    [Fact]
    public void The_state_directory_variable_wins_over_every_other_location()
    {
        var lookup = Variables(
            ("BACKEND_STATE_DIR", "  /srv/state  "), ("XDG_STATE_HOME", "/xdg"), ("HOME", "/home/u"));

        Assert.Equal("/srv/state", LoginStore.ResolveStateDirectory(lookup));
    }

    [Fact]
    public void The_legacy_sorna_prefix_is_honoured_after_the_backend_prefix()
    {
        Assert.Equal("/legacy", Resolve(("SORNA_STATE_DIR", "/legacy"), ("HOME", "/home/u")));
        Assert.Equal("/new", Resolve(("SORNA_STATE_DIR", "/legacy"), ("BACKEND_STATE_DIR", "/new")));
    }

    [Fact]
    public void A_relative_state_directory_is_an_error_naming_the_variable_and_value()
    {
        var error = Assert.Throws<LoginStoreException>(() => Resolve(("BACKEND_STATE_DIR", "state")));

        Assert.Contains("BACKEND_STATE_DIR", error.Message, StringComparison.Ordinal);
        Assert.Contains("'state'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_variable_the_xdg_state_home_is_used()
    {
        Assert.Equal("/xdg/backend.ai", Resolve(("XDG_STATE_HOME", "/xdg"), ("HOME", "/home/u")));
    }

    [Fact]
    public void A_relative_or_blank_xdg_state_home_is_ignored_as_the_xdg_rules_require()
    {
        Assert.Equal("/home/u/.local/state/backend.ai", Resolve(("XDG_STATE_HOME", "xdg"), ("HOME", "/home/u")));
        Assert.Equal("/home/u/.local/state/backend.ai", Resolve(("XDG_STATE_HOME", " "), ("HOME", "/home/u")));
    }

    [Fact]
    public void Without_home_the_user_profile_folder_is_used()
    {
        static string Folders(Environment.SpecialFolder folder) =>
            folder == Environment.SpecialFolder.UserProfile ? "/profile" : string.Empty;

        var path = StateDirectory.Resolve(Variables(), isWindows: false, Folders);

        Assert.Equal("/profile/.local/state/backend.ai", path);
    }

    [Fact]
    public void With_no_home_at_all_the_error_says_to_set_the_state_directory()
    {
        var error = Assert.Throws<LoginStoreException>(
            () => StateDirectory.Resolve(Variables(), isWindows: false, NoFolders));

        Assert.Contains("BACKEND_STATE_DIR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_windows_the_local_application_data_folder_is_used_instead_of_xdg()
    {
        var path = StateDirectory.Resolve(
            Variables(("LOCALAPPDATA", "/appdata/local"), ("XDG_STATE_HOME", "/xdg")), isWindows: true, NoFolders);

        Assert.Equal(Path.Combine("/appdata/local", "backend.ai"), path);
    }

    private static string Resolve(params (string Name, string Value)[] variables) =>
        StateDirectory.Resolve(Variables(variables), isWindows: false, NoFolders);

    private static Func<string, string?> Variables(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => map.GetValueOrDefault(name);
    }
}
