using System.CommandLine;
using System.Text.Json.Nodes;
using BackendAI.Cli.Rendering;

namespace BackendAI.Cli.Commands;

/// <summary>
/// <c>backend.ai vfolder upload NAME LOCAL</c> and <c>vfolder download NAME REMOTE</c>, through the storage proxy
/// (its address rewritten by BACKEND_OVERRIDE_STORAGE_PROXY), with progress shown as the output allows.
/// </summary>
internal static class VFolderTransferCommands
{
    internal static Command CreateUpload(CliContext context)
    {
        var name = VFolderCommand.NameArgument();
        var local = new Argument<FileInfo>("LOCAL") { Description = "The file to upload." };
        var remote = new Option<string?>("--remote")
        {
            Description = "The path inside the folder. Default: the local file's name at the folder's root.",
            HelpName = "PATH",
        };

        var command = new Command("upload", "Upload a file into a folder, resuming after broken connections.");
        command.Arguments.Add(name);
        command.Arguments.Add(local);
        command.Options.Add(remote);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var folder = parseResult.GetRequiredValue(name);
            var file = parseResult.GetRequiredValue(local);
            if (!file.Exists)
            {
                await context.Error.WriteLineAsync(
                    $"Error: the file to upload, '{file.FullName}', does not exist.");
                return ExitCodes.Failure;
            }

            var target = parseResult.GetValue(remote) ?? file.Name;
            var json = context.GetOutputFormat(parseResult) == OutputFormat.Json;
            using var client = await context.OpenClientAsync(parseResult, cancellationToken);
            var result = await TransferDisplay.RunAsync(
                json ? null : context.CreateHumanOutput(), context.Error, file.Name, file.Length,
                progress => client.VFolders.UploadAsync(folder, file.FullName, target, progress, cancellationToken));

            return await ReportAsync(context, json, "upload", folder, target, file.FullName, result);
        });
        return command;
    }

    internal static Command CreateDownload(CliContext context)
    {
        var name = VFolderCommand.NameArgument();
        var remote = new Argument<string>("REMOTE") { Description = "The file's path inside the folder." };
        var to = new Option<string?>("--to")
        {
            Description = "Where to write the file: a path, or a directory to put it in. Default: the current "
                + "directory.",
            HelpName = "LOCAL",
        };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace an existing local file." };

        var command = new Command("download", "Download a file from a folder, resuming after broken connections.");
        command.Arguments.Add(name);
        command.Arguments.Add(remote);
        command.Options.Add(to);
        command.Options.Add(overwrite);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var folder = parseResult.GetRequiredValue(name);
            var source = parseResult.GetRequiredValue(remote);
            var destination = LocalPath(source, parseResult.GetValue(to));
            var replace = parseResult.GetValue(overwrite);
            if (!replace && File.Exists(destination))
            {
                await context.Error.WriteLineAsync(
                    $"Error: the file '{destination}' exists; pass --overwrite to replace it.");
                return ExitCodes.Failure;
            }

            var json = context.GetOutputFormat(parseResult) == OutputFormat.Json;
            using var client = await context.OpenClientAsync(parseResult, cancellationToken);
            var result = await TransferDisplay.RunAsync(json ? null : context.CreateHumanOutput(), context.Error,
                Path.GetFileName(destination), total: null, progress => client.VFolders.DownloadAsync(
                    folder, source, destination, replace, progress, cancellationToken));

            return await ReportAsync(context, json, "download", folder, source, destination, result);
        });
        return command;
    }

    /// <summary>The local file a download writes: <c>--to</c> as given, inside it when it is a directory.</summary>
    private static string LocalPath(string remote, string? to)
    {
        var fileName = Path.GetFileName(remote.TrimEnd('/'));
        if (to is null)
        {
            return Path.GetFullPath(fileName);
        }

        return Directory.Exists(to) ? Path.GetFullPath(Path.Combine(to, fileName)) : Path.GetFullPath(to);
    }

    private static async Task<int> ReportAsync(
        CliContext context, bool json, string direction, string folder, string remote, string local,
        Client.Functions.VFolders.TransferProgress result)
    {
        if (json)
        {
            JsonOutput.Write(context.Output, new JsonObject
            {
                ["direction"] = direction,
                ["folder"] = folder,
                ["remote"] = remote,
                ["local"] = local,
                ["bytes"] = result.Transferred,
                ["resumes"] = result.Resumes,
            });
            return ExitCodes.Success;
        }

        var resumes = result.Resumes switch
        {
            0 => string.Empty,
            1 => ", resumed once",
            var n => $", resumed {n} times",
        };
        var size = ByteSize.Format(result.Transferred);
        await context.Output.WriteLineAsync(direction == "upload"
            ? $"Uploaded {local} to {folder}:{remote} ({size}{resumes})."
            : $"Downloaded {folder}:{remote} to {local} ({size}{resumes}).");
        return ExitCodes.Success;
    }
}
