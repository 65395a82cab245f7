using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BackendAI.Client.Tests.Emulation;

public sealed class FolderRoutesTests
{
    private static JsonObject Folder(string name) => new()
    {
        ["name"] = name,
        ["host"] = "local:volume1",
        ["usage_mode"] = "general",
        ["permission"] = "rw",
        ["cloneable"] = false,
    };

    [Fact]
    public async Task A_created_folder_is_listed_described_renamed_and_deleted()
    {
        await using var server = await EmulationServer.StartAsync();

        using var create = await server.SendJsonAsync(HttpMethod.Post, "/folders", Folder("data"));
        using var list = await server.SendJsonAsync(
            HttpMethod.Get, "/folders", new JsonObject { ["all"] = false });
        var listed = await list.Content.ReadFromJsonAsync<JsonArray>();
        using var rename = await server.SendJsonAsync(
            HttpMethod.Post, "/folders/data/rename", new JsonObject { ["new_name"] = "data-v2" });
        using var info = await server.SendJsonAsync(HttpMethod.Get, "/folders/data-v2");
        using var oldInfo = await server.SendJsonAsync(HttpMethod.Get, "/folders/data");
        using var delete = await server.SendJsonAsync(HttpMethod.Delete, "/folders/data-v2");

        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal("data", Assert.Single(listed!)!["name"]!.GetValue<string>());
        Assert.False(server.State.Log.Last("GET", "/folders")!.Body!["all"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Created, rename.StatusCode);
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, oldInfo.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Empty(server.State.Folders);
    }

    [Fact]
    public async Task Creating_a_folder_twice_is_a_409_problem()
    {
        await using var server = await EmulationServer.StartAsync();
        using var first = await server.SendJsonAsync(HttpMethod.Post, "/folders", Folder("data"));

        using var second = await server.SendJsonAsync(HttpMethod.Post, "/folders", Folder("data"));
        var problem = await second.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("https://api.backend.ai/probs/vfolder-already-exists", problem!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    public async Task A_folder_name_the_manager_refuses_is_a_400_problem_quoting_it(string name)
    {
        await using var server = await EmulationServer.StartAsync();

        using var response = await server.SendJsonAsync(HttpMethod.Post, "/folders", Folder(name));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"'{name}'", problem!["msg"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mkdir_creates_several_directories_and_reports_each()
    {
        await using var server = await EmulationServer.StartAsync();
        var folder = server.State.CreateFolder("data");

        using var response = await server.SendJsonAsync(HttpMethod.Post, "/folders/data/mkdir", new JsonObject
        {
            ["path"] = new JsonArray("a/b", "c"),
            ["parents"] = true,
            ["exist_ok"] = false,
        });
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, results["success"]!.AsArray().Count);
        Assert.True(Directory.Exists(Path.Combine(folder.DirectoryPath, "a", "b")));
        Assert.True(Directory.Exists(Path.Combine(folder.DirectoryPath, "c")));
    }

    [Fact]
    public async Task Mkdir_of_an_existing_directory_fails_unless_exist_ok()
    {
        await using var server = await EmulationServer.StartAsync();
        Directory.CreateDirectory(Path.Combine(server.State.CreateFolder("data").DirectoryPath, "a"));

        using var refused = await server.SendJsonAsync(
            HttpMethod.Post, "/folders/data/mkdir", new JsonObject { ["path"] = "a" });
        using var accepted = await server.SendJsonAsync(
            HttpMethod.Post, "/folders/data/mkdir", new JsonObject { ["path"] = "a", ["exist_ok"] = true });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task Listing_files_shows_names_types_and_sizes()
    {
        await using var server = await EmulationServer.StartAsync();
        var root = server.State.CreateFolder("data").DirectoryPath;
        Directory.CreateDirectory(Path.Combine(root, "sub"));
        await File.WriteAllTextAsync(Path.Combine(root, "sub", "x.txt"), "12345");

        using var response = await server.SendJsonAsync(HttpMethod.Get, "/folders/data/files?path=sub");
        var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        using var missing = await server.SendJsonAsync(HttpMethod.Get, "/folders/data/files?path=nope");

        var item = Assert.Single(items)!;
        Assert.Equal("x.txt", item["name"]!.GetValue<string>());
        Assert.Equal("FILE", item["type"]!.GetValue<string>());
        Assert.Equal(5, item["size"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Rename_file_and_move_file_change_the_files_on_disk()
    {
        await using var server = await EmulationServer.StartAsync();
        var root = server.State.CreateFolder("data").DirectoryPath;
        Directory.CreateDirectory(Path.Combine(root, "dir"));
        await File.WriteAllTextAsync(Path.Combine(root, "a.txt"), "a");

        using var rename = await server.SendJsonAsync(HttpMethod.Post, "/folders/data/rename-file",
            new JsonObject { ["target_path"] = "a.txt", ["new_name"] = "b.txt" });
        using var move = await server.SendJsonAsync(HttpMethod.Post, "/folders/data/move-file",
            new JsonObject { ["src"] = "b.txt", ["dst"] = "dir" });

        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        Assert.True(File.Exists(Path.Combine(root, "dir", "b.txt")));
        Assert.False(File.Exists(Path.Combine(root, "a.txt")));
    }

    [Fact]
    public async Task Deleting_a_directory_needs_recursive()
    {
        await using var server = await EmulationServer.StartAsync();
        var root = server.State.CreateFolder("data").DirectoryPath;
        Directory.CreateDirectory(Path.Combine(root, "dir"));
        await File.WriteAllTextAsync(Path.Combine(root, "dir", "f"), "f");

        using var refused = await server.SendJsonAsync(HttpMethod.Delete, "/folders/data/delete-files",
            new JsonObject { ["files"] = new JsonArray("dir"), ["recursive"] = false });
        var stillThere = Directory.Exists(Path.Combine(root, "dir"));
        using var accepted = await server.SendJsonAsync(HttpMethod.Delete, "/folders/data/delete-files",
            new JsonObject { ["files"] = new JsonArray("dir"), ["recursive"] = true });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(stillThere);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(root, "dir")));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../escape")]
    public async Task A_path_climbing_out_of_the_folder_is_a_400_problem(string path)
    {
        await using var server = await EmulationServer.StartAsync();
        server.State.CreateFolder("data");

        using var response = await server.SendJsonAsync(
            HttpMethod.Post, "/folders/data/mkdir", new JsonObject { ["path"] = path });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(server.State.StorageRoot, "folders", "escape")));
    }

    [Theory]
    [InlineData("GET", "/folders/ghost")]
    [InlineData("DELETE", "/folders/ghost")]
    [InlineData("GET", "/folders/ghost/files")]
    [InlineData("POST", "/folders/ghost/request-download")]
    public async Task An_unknown_folder_is_a_404_vfolder_not_found_problem(string method, string path)
    {
        await using var server = await EmulationServer.StartAsync();

        using var response = await server.SendJsonAsync(new HttpMethod(method), path, new JsonObject());
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("https://api.backend.ai/probs/vfolder-not-found", problem!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_field_of_the_wrong_json_type_is_a_400_problem_naming_the_field()
    {
        await using var server = await EmulationServer.StartAsync();
        var body = Folder("data");
        body["cloneable"] = "yes";

        using var response = await server.SendJsonAsync(HttpMethod.Post, "/folders", body);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'cloneable'", problem!["msg"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(server.State.Folders);
    }

    [Fact]
    public async Task A_json_body_over_one_mebibyte_is_a_413_problem()
    {
        await using var server = await EmulationServer.StartAsync();
        var body = Folder("data");
        body["padding"] = new string('x', (1 << 20) + 1);

        using var response = await server.SendJsonAsync(HttpMethod.Post, "/folders", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(server.State.Folders);
    }
}
