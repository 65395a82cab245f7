using System.CommandLine;
using BackendAI.Client.Transport;

namespace BackendAI.Cli.Commands;

/// <summary>
/// <c>backend.ai api METHOD PATH [--data JSON|@file] [-H 'Name: value']…</c>: sends any request through the
/// client (routing, signing or login cookie, fail-over) and prints the response body.
/// </summary>
internal static class ApiCommand
{
    internal static Command Create(CliContext context)
    {
        var method = new Argument<string>("method") { Description = "The HTTP method, for example GET or POST." };
        var path = new Argument<string>("path")
        {
            Description = "The path relative to the endpoint, with an optional query, for example /folders.",
        };
        var data = new Option<string?>("--data", "-d")
        {
            Description = "The JSON body, or @file to read it from a file. Checked before sending.",
        };
        var headers = new Option<string[]>("--header", "-H")
        {
            Description = "An extra header as 'Name: value'; repeat for more. Content-Type sets the body's type.",
            DefaultValueFactory = static _ => [],
        };

        var command = new Command("api", "Send a request to the API and print the response body.")
        {
            method, path, data, headers,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            parseResult,
            parseResult.GetRequiredValue(method),
            parseResult.GetRequiredValue(path),
            parseResult.GetValue(data),
            parseResult.GetValue(headers) ?? [],
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context,
        ParseResult parseResult,
        string method,
        string path,
        string? data,
        IReadOnlyList<string> headers,
        CancellationToken cancellationToken)
    {
        var config = context.LoadConfig();
        ApiRequest request;
        try
        {
            request = ApiRequestInput.Build(method, path, data, headers, config.Environment.WorkingDirectory);
        }
        catch (ApiInputException ex)
        {
            await context.Error.WriteLineAsync($"Error: {ex.Message}");
            return ExitCodes.Failure;
        }

        using var client = context.CreateClient(config, parseResult);
        await client.OpenAsync(cancellationToken);
        using var response = await client.SendAsync(request, cancellationToken);

        var raw = context.GetOutputFormat(parseResult) == OutputFormat.Json;
        ApiResponseText.Write(response, raw, context.Output);
        return ExitCodes.Success;
    }
}
