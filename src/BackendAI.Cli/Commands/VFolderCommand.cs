using System.CommandLine;
using System.Text.Json;
using BackendAI.Cli.Rendering;
using BackendAI.Client.Functions.VFolders;

namespace BackendAI.Cli.Commands;

/// <summary><c>backend.ai vfolder</c>: list, create, inspect, rename and delete virtual folders.</summary>
internal static class VFolderCommand
{
    internal static Command Create(CliContext context)
    {
        var command = new Command("vfolder", "Manage virtual folders and move files in and out of them.");

        command.Subcommands.Add(CreateList(context));
        command.Subcommands.Add(CreateCreate(context));
        command.Subcommands.Add(CreateInfo(context));
        command.Subcommands.Add(VFolderChangeCommands.CreateRemove(context));
        command.Subcommands.Add(VFolderChangeCommands.CreateRename(context));
        command.Subcommands.Add(VFolderFileCommands.CreateListFiles(context));
        command.Subcommands.Add(VFolderFileCommands.CreateMakeDirectory(context));
        command.Subcommands.Add(VFolderTransferCommands.CreateUpload(context));
        command.Subcommands.Add(VFolderTransferCommands.CreateDownload(context));

        return command;
    }

    /// <summary>Creates the <c>NAME</c> argument that names a folder.</summary>
    internal static Argument<string> NameArgument() => new("NAME") { Description = "The folder's name." };

    private static Command CreateList(CliContext context)
    {
        var all = new Option<bool>("--all", "-a") { Description = "List every folder (administrators)." };
        var command = new Command("ls", "List the folders you can use.");
        command.Aliases.Add("list");
        command.Options.Add(all);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = await context.OpenClientAsync(parseResult, cancellationToken);
            var folders = await client.VFolders.ListAsync(parseResult.GetValue(all), cancellationToken);

            if (context.GetOutputFormat(parseResult) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Output, folders);
                return ExitCodes.Success;
            }

            var table = new TableView("Name", "ID", "Host", "Usage", "Permission", "Owner", "Status");
            var items = folders.ValueKind == JsonValueKind.Array ? folders.EnumerateArray() : default;
            foreach (var folder in items)
            {
                table.AddRow(
                    JsonDisplay.Property(folder, "name"),
                    JsonDisplay.Property(folder, "id"),
                    JsonDisplay.Property(folder, "host"),
                    JsonDisplay.Property(folder, "usage_mode"),
                    JsonDisplay.Property(folder, "permission"),
                    JsonDisplay.Property(folder, "ownership_type"),
                    JsonDisplay.Property(folder, "status"));
            }

            context.CreateHumanOutput().Write(table, "No folders.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateCreate(CliContext context)
    {
        var name = NameArgument();
        var host = new Option<string?>("--host")
        {
            Description = "The storage host (proxy:volume). Default: the manager's.",
        };
        var group = new Option<string?>("--group", "-g")
        {
            Description = "The project (group) that owns the folder. Default: a personal folder.",
        };
        var usageMode = new Option<string>("--usage-mode")
        {
            Description = "general (default), model or data.",
            DefaultValueFactory = _ => "general",
        };
        usageMode.AcceptOnlyFromAmong("general", "model", "data");
        var permission = new Option<string>("--permission", "-p")
        {
            Description = "rw (default), ro or wd.",
            DefaultValueFactory = _ => "rw",
        };
        permission.AcceptOnlyFromAmong("rw", "ro", "wd");
        var cloneable = new Option<bool>("--cloneable") { Description = "Let others clone the folder." };

        var command = new Command("create", "Create a folder.");
        command.Arguments.Add(name);
        command.Options.Add(host);
        command.Options.Add(group);
        command.Options.Add(usageMode);
        command.Options.Add(permission);
        command.Options.Add(cloneable);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new VFolderCreateOptions
            {
                Name = parseResult.GetRequiredValue(name),
                Host = parseResult.GetValue(host),
                Group = parseResult.GetValue(group),
                UsageMode = parseResult.GetRequiredValue(usageMode),
                Permission = parseResult.GetRequiredValue(permission),
                Cloneable = parseResult.GetValue(cloneable),
            };
            using var client = await context.OpenClientAsync(parseResult, cancellationToken);
            var folder = await client.VFolders.CreateAsync(options, cancellationToken);

            if (context.GetOutputFormat(parseResult) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Output, folder);
            }
            else
            {
                await context.Output.WriteLineAsync($"Folder {options.Name} created: id "
                    + $"{JsonDisplay.Property(folder, "id")}, host {JsonDisplay.Property(folder, "host")}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateInfo(CliContext context)
    {
        var name = NameArgument();
        var command = new Command("info", "Show a folder's details.");
        command.Arguments.Add(name);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = await context.OpenClientAsync(parseResult, cancellationToken);
            var info = await client.VFolders.GetInfoAsync(parseResult.GetRequiredValue(name), cancellationToken);

            if (context.GetOutputFormat(parseResult) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Output, info);
            }
            else
            {
                context.CreateHumanOutput().WriteProperties(SessionCommand.Properties(info));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
