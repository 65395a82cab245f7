using System.CommandLine;
using System.Text.Json.Nodes;

namespace BackendAI.Cli.Commands;

/// <summary><c>backend.ai vfolder rm NAME</c> and <c>vfolder rename NAME NEW</c>.</summary>
internal static class VFolderChangeCommands
{
    internal static Command CreateRemove(CliContext context)
    {
        var name = VFolderCommand.NameArgument();
        var command = new Command("rm", "Delete a folder.");
        command.Aliases.Add("delete");
        command.Arguments.Add(name);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var folder = parseResult.GetRequiredValue(name);
            using var client = await context.OpenClientAsync(parseResult, cancellationToken);
            await client.VFolders.DeleteAsync(folder, cancellationToken);

            return await context.WriteResultAsync(
                parseResult, new JsonObject { ["name"] = folder, ["deleted"] = true }, $"Folder {folder} deleted.");
        });
        return command;
    }

    internal static Command CreateRename(CliContext context)
    {
        var name = VFolderCommand.NameArgument();
        var newName = new Argument<string>("NEW") { Description = "The folder's new name." };
        var command = new Command("rename", "Rename a folder.");
        command.Arguments.Add(name);
        command.Arguments.Add(newName);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var folder = parseResult.GetRequiredValue(name);
            var renamed = parseResult.GetRequiredValue(newName);
            using var client = await context.OpenClientAsync(parseResult, cancellationToken);
            await client.VFolders.RenameAsync(folder, renamed, cancellationToken);

            return await context.WriteResultAsync(parseResult,
                new JsonObject { ["name"] = folder, ["newName"] = renamed }, $"Folder {folder} renamed to {renamed}.");
        });
        return command;
    }
}
