using System.CommandLine;
using System.Text.Json;
using BackendAI.Cli.Rendering;

namespace BackendAI.Cli.Commands;

/// <summary><c>backend.ai vfolder ls-files NAME [PATH]</c> and <c>vfolder mkdir NAME PATH...</c>.</summary>
internal static class VFolderFileCommands
{
    internal static Command CreateListFiles(CliContext context)
    {
        var name = VFolderCommand.NameArgument();
        var path = new Argument<string>("PATH")
        {
            Description = "The directory inside the folder. Default: its root.",
            DefaultValueFactory = _ => ".",
        };
        var command = new Command("ls-files", "List the files in a directory of a folder.");
        command.Arguments.Add(name);
        command.Arguments.Add(path);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = await context.OpenClientAsync(parseResult, cancellationToken);
            var answer = await client.VFolders.ListFilesAsync(
                parseResult.GetRequiredValue(name), parseResult.GetRequiredValue(path), cancellationToken);

            if (context.GetOutputFormat(parseResult) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Output, answer);
                return ExitCodes.Success;
            }

            var table = new TableView("Name", "Type", "Size", "Mode", "Modified");
            foreach (var file in ReadItems(answer))
            {
                table.AddRow(
                    JsonDisplay.Property(file, "name"),
                    JsonDisplay.Property(file, "type"),
                    JsonDisplay.Size(file, "size"),
                    JsonDisplay.Property(file, "mode"),
                    JsonDisplay.Time(file, "modified"));
            }

            context.CreateHumanOutput().Write(table, "No files.");
            return ExitCodes.Success;
        });
        return command;
    }

    internal static Command CreateMakeDirectory(CliContext context)
    {
        var name = VFolderCommand.NameArgument();
        var paths = new Argument<string[]>("PATH")
        {
            Description = "The directories to create inside the folder.",
            Arity = ArgumentArity.OneOrMore,
        };
        var parents = new Option<bool>("--parents", "-p")
        {
            Description = "Create missing parent directories too.",
        };
        var existOk = new Option<bool>("--exist-ok") { Description = "Do not fail when a directory exists." };

        var command = new Command("mkdir", "Create directories in a folder.");
        command.Arguments.Add(name);
        command.Arguments.Add(paths);
        command.Options.Add(parents);
        command.Options.Add(existOk);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var folder = parseResult.GetRequiredValue(name);
            var requested = parseResult.GetRequiredValue(paths);
            using var client = await context.OpenClientAsync(parseResult, cancellationToken);
            var answer = await client.VFolders.MakeDirectoryAsync(folder, requested,
                parseResult.GetValue(parents), parseResult.GetValue(existOk), cancellationToken);

            var failed = Results(answer, "failed");
            if (context.GetOutputFormat(parseResult) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Output, answer);
            }
            else
            {
                var succeeded = answer.TryGetProperty("results", out _)
                    ? Results(answer, "success").Select(r => JsonDisplay.Property(r, "item"))
                    : requested;
                foreach (var created in succeeded)
                {
                    await context.Output.WriteLineAsync($"Created {folder}:{created}");
                }
            }

            foreach (var failure in failed)
            {
                await context.Error.WriteLineAsync($"Could not create '{JsonDisplay.Property(failure, "item")}' "
                    + $"in {folder}: {JsonDisplay.Property(failure, "msg")}");
            }

            return failed.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>
    /// Reads the listing's entries: <c>items</c> when the manager gives it, else the older <c>files</c> field,
    /// which holds the same list as a JSON string.
    /// </summary>
    private static List<JsonElement> ReadItems(JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        if (answer.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            return [.. items.EnumerateArray()];
        }

        if (answer.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.String)
        {
            using var document = JsonDocument.Parse(files.GetString() ?? "[]");
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? [.. document.RootElement.EnumerateArray().Select(e => e.Clone())]
                : [];
        }

        return [];
    }

    private static List<JsonElement> Results(JsonElement answer, string kind) =>
        answer.ValueKind == JsonValueKind.Object
            && answer.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Object
            && results.TryGetProperty(kind, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray()]
            : [];
}
