using System.Text.Json;

namespace BackendAI.Cli.Tests.Commands;

public sealed class VFolderCommandTests
{
    [Fact]
    public async Task Vfolder_ls_prints_plain_columns_when_the_output_is_redirected()
    {
        await using var cli = await EmulatedCli.StartAsync();
        cli.State.CreateFolder("alpha");
        cli.State.CreateFolder("beta");

        var run = await cli.RunAsync("vfolder", "ls");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Name ", lines[0], StringComparison.Ordinal);
        Assert.Contains("Permission", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("alpha ", lines[1], StringComparison.Ordinal);
        Assert.Contains("local:volume1", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("beta ", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("─", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vfolder_ls_draws_a_table_on_a_terminal()
    {
        await using var cli = await EmulatedCli.StartAsync();
        cli.State.CreateFolder("alpha");

        var run = await cli.RunAsync(new CliRunSettings(Terminal: true), "vfolder", "ls");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("─", run.Output, StringComparison.Ordinal);
        Assert.Contains("alpha", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vfolder_ls_as_json_is_the_managers_list()
    {
        await using var cli = await EmulatedCli.StartAsync();
        cli.State.CreateFolder("alpha");

        var run = await cli.RunAsync("vfolder", "ls", "--all", "-o", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal("alpha", document.RootElement[0].GetProperty("name").GetString());
        Assert.Contains("\"all\":true", cli.State.Log.Last("GET", "/folders")!.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vfolder_ls_with_no_folders_says_so()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync("vfolder", "ls");

        Assert.Equal("No folders.", run.Output.Trim());
    }

    [Fact]
    public async Task Vfolder_create_sends_the_options_and_info_shows_them()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var created = await cli.RunAsync("vfolder", "create", "models", "--host", "local:fast", "--group", "vision",
            "--usage-mode", "model", "--permission", "ro", "--cloneable");
        var info = await cli.RunAsync("vfolder", "info", "models");

        Assert.Equal(0, created.ExitCode);
        var folder = cli.State.FindFolder("models")!;
        Assert.Equal(("local:fast", "vision", "model", "ro", true),
            (folder.Host, folder.Group, folder.UsageMode, folder.Permission, folder.Cloneable));
        Assert.Contains("Folder models created", created.Output, StringComparison.Ordinal);
        Assert.Equal(0, info.ExitCode);
        Assert.Contains("usage_mode:", info.Output, StringComparison.Ordinal);
        Assert.Contains("model", info.Output, StringComparison.Ordinal);
        Assert.Contains("cloneable:", info.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vfolder_create_refuses_an_unknown_permission_listing_the_accepted_ones()
    {
        await using var cli = await EmulatedCli.StartAsync();

        var run = await cli.RunAsync("vfolder", "create", "models", "--permission", "rwx");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("rwx", run.Error, StringComparison.Ordinal);
        Assert.Contains("wd", run.Error, StringComparison.Ordinal);
        Assert.Empty(cli.State.Folders);
    }

    [Fact]
    public async Task Vfolder_rename_and_rm_change_the_folder()
    {
        await using var cli = await EmulatedCli.StartAsync();
        cli.State.CreateFolder("old");

        var renamed = await cli.RunAsync("vfolder", "rename", "old", "new");
        var renamedAgain = await cli.RunAsync("vfolder", "rename", "old", "newer");
        var removed = await cli.RunAsync("vfolder", "rm", "new");

        Assert.Equal(0, renamed.ExitCode);
        Assert.Equal("Folder old renamed to new.", renamed.Output.Trim());
        Assert.Equal(1, renamedAgain.ExitCode);
        Assert.Contains("404", renamedAgain.Error, StringComparison.Ordinal);
        Assert.Equal(0, removed.ExitCode);
        Assert.Empty(cli.State.Folders);
    }

    [Fact]
    public async Task Vfolder_mkdir_creates_directories_and_ls_files_lists_them()
    {
        await using var cli = await EmulatedCli.StartAsync();
        var folder = cli.State.CreateFolder("work");
        await File.WriteAllBytesAsync(Path.Combine(folder.DirectoryPath, "notes.txt"), new byte[2048]);

        var mkdir = await cli.RunAsync("vfolder", "mkdir", "work", "a/b", "c", "--parents");
        var listing = await cli.RunAsync("vfolder", "ls-files", "work");
        var nested = await cli.RunAsync("vfolder", "ls-files", "work", "a", "-o", "json");

        Assert.Equal(0, mkdir.ExitCode);
        Assert.Contains("Created work:a/b", mkdir.Output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(folder.DirectoryPath, "a", "b")));
        var lines = listing.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^a\s+DIRECTORY", lines[1]);
        Assert.Matches(@"^notes\.txt\s+FILE\s+2\.0 KiB", lines[3]);
        using var document = JsonDocument.Parse(nested.Output);
        Assert.Equal("b", document.RootElement.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Vfolder_mkdir_reports_each_failed_path_and_exits_with_1()
    {
        await using var cli = await EmulatedCli.StartAsync();
        var folder = cli.State.CreateFolder("work");
        Directory.CreateDirectory(Path.Combine(folder.DirectoryPath, "exists"));

        var run = await cli.RunAsync("vfolder", "mkdir", "work", "exists", "fresh");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Created work:fresh", run.Output, StringComparison.Ordinal);
        Assert.Contains("Could not create 'exists'", run.Error, StringComparison.Ordinal);
    }
}
