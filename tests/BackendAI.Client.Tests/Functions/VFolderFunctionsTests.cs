using System.Text.Json;
using BackendAI.Client.Functions.VFolders;

namespace BackendAI.Client.Tests.Functions;

public sealed class VFolderFunctionsTests
{
    [Fact]
    public async Task Create_list_info_rename_and_delete_manage_a_folder()
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        var created = await client.VFolders.CreateAsync(new VFolderCreateOptions
        {
            Name = "models",
            Host = "local:fast",
            UsageMode = "model",
            Permission = "ro",
            Cloneable = true,
        });
        var listed = await client.VFolders.ListAsync();
        await client.VFolders.RenameAsync("models", "weights");
        var info = await client.VFolders.GetInfoAsync("weights");
        await client.VFolders.DeleteAsync("weights");

        var body = cluster.State.Log.Last("POST", "/folders")!.Body!;
        Assert.Equal("local:fast", body["host"]!.GetValue<string>());
        Assert.Equal("model", body["usage_mode"]!.GetValue<string>());
        Assert.Equal("ro", body["permission"]!.GetValue<string>());
        Assert.True(body["cloneable"]!.GetValue<bool>());

        Assert.Equal("models", created.GetProperty("name").GetString());
        Assert.Equal("models", Assert.Single(listed.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("weights", info.GetProperty("name").GetString());
        Assert.Equal("local:fast", info.GetProperty("host").GetString());

        Assert.Empty(cluster.State.Folders);
        Assert.Equal("new_name", cluster.State.Log.Last("POST", "/rename")!.Body!.AsObject().Single().Key);
    }

    [Fact]
    public async Task Files_are_made_listed_renamed_moved_and_deleted()
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig());
        var folder = cluster.State.CreateFolder("work");

        var made = await client.VFolders.MakeDirectoryAsync("work", ["a/b", "c"], parents: true);
        await File.WriteAllTextAsync(Path.Combine(folder.DirectoryPath, "a", "b", "x.txt"), "hello");
        await client.VFolders.RenameFileAsync("work", "a/b/x.txt", "y.txt");
        await client.VFolders.MoveFileAsync("work", "a/b/y.txt", "c/y.txt");
        var inC = await client.VFolders.ListFilesAsync("work", "c");
        await client.VFolders.DeleteFilesAsync("work", ["a"], recursive: true);
        var root = await client.VFolders.ListFilesAsync("work");

        Assert.Equal(2, made.GetProperty("results").GetProperty("success").GetArrayLength());
        var file = Assert.Single(inC.GetProperty("items").EnumerateArray());
        Assert.Equal("y.txt", file.GetProperty("name").GetString());
        Assert.Equal(5, file.GetProperty("size").GetInt64());
        var names = root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString());
        Assert.Equal(["c"], names);
        Assert.Equal("/folders/work/files?path=c", cluster.Received("GET", "/folders/work/files")[0].RawTarget);
        Assert.Equal("/folders/work/files?path=.", cluster.Received("GET", "/folders/work/files")[1].RawTarget);
    }

    [Fact]
    public async Task A_single_directory_is_sent_as_one_path_and_exist_ok_is_passed_on()
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig());
        cluster.State.CreateFolder("work");

        await client.VFolders.MakeDirectoryAsync("work", ["logs"]);
        await client.VFolders.MakeDirectoryAsync("work", ["logs"], existOk: true);

        var body = cluster.State.Log.Last("POST", "/mkdir")!.Body!;
        Assert.Equal(JsonValueKind.String, body["path"]!.GetValueKind());
        Assert.True(body["exist_ok"]!.GetValue<bool>());
        Assert.False(body["parents"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Folder_names_are_escaped_into_one_path_segment()
    {
        await using var cluster = await ClusterScope.StartAsync();
        using var client = ClusterScope.Client(cluster.KeypairConfig());

        var error = await Assert.ThrowsAsync<BackendAIApiException>(() => client.VFolders.GetInfoAsync("a/b c"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("/folders/a%2Fb%20c", cluster.Recorder.Last.RawTarget);
    }

    [Fact]
    public async Task Folder_functions_work_through_the_web_server_in_session_mode()
    {
        await using var cluster = await ClusterScope.StartAsync();
        cluster.State.AddUser("alice@example.com", "pw");
        using var client = ClusterScope.Client(cluster.SessionConfig());
        await client.Auth.LoginAsync("alice@example.com", "pw");

        await client.VFolders.CreateAsync(new VFolderCreateOptions { Name = "mine" });
        var listed = await client.VFolders.ListAsync();

        Assert.Equal("mine", Assert.Single(listed.EnumerateArray()).GetProperty("name").GetString());
        Assert.Single(cluster.Received("POST", "/func/folders"));
    }
}
