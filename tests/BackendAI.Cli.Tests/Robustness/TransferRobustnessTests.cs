using System.Globalization;
using BackendAI.Cli.Tests.Commands;
using BackendAI.TestServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendAI.Cli.Tests.Robustness;

/// <summary>Transfers through the storage-proxy map and a misbehaving storage proxy (issue 6).</summary>
public sealed class TransferRobustnessTests
{
    private const string InternalProxy = "http://storage-internal:6021";

    [Fact]
    public async Task An_exact_storage_proxy_entry_wins_over_an_entry_for_the_same_proxys_base_url()
    {
        await using var cli = await EmulatedCli.StartAsync();
        cli.State.StorageProxyPublicUrl = new Uri(InternalProxy);
        cli.State.CreateFolder("data");
        var refused = TestServerHost.GetRefusedAddress().AbsoluteUri.TrimEnd('/');

        // The base entry sends every path to a dead address; the exact entry names the upload URL itself.
        cli.Variables["BACKEND_OVERRIDE_STORAGE_PROXY"] =
            $"{InternalProxy}={refused}, {InternalProxy}/upload={cli.LoopbackProxy}/upload";
        await File.WriteAllTextAsync(cli.LocalPath("a.txt"), "payload");

        var upload = await cli.RunAsync("vfolder", "upload", "data", cli.LocalPath("a.txt"));

        Assert.True(upload.ExitCode == 0, upload.Error);
    }

    [Fact]
    public async Task A_failed_transfer_does_not_print_the_transfer_token()
    {
        await using var cli = await EmulatedCli.StartAsync();
        cli.State.StorageProxyPublicUrl = new Uri(InternalProxy);
        cli.State.CreateFolder("data");
        var refused = TestServerHost.GetRefusedAddress().AbsoluteUri.TrimEnd('/');
        cli.Variables["BACKEND_OVERRIDE_STORAGE_PROXY"] = $"{InternalProxy}={refused}";
        await File.WriteAllTextAsync(cli.LocalPath("a.txt"), "payload");

        var upload = await cli.RunAsync("vfolder", "upload", "data", cli.LocalPath("a.txt"));

        // The token authorises the transfer by itself; error text ends up in logs and bug reports.
        Assert.Equal(1, upload.ExitCode);
        Assert.DoesNotContain("token=", upload.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_to_a_storage_proxy_that_never_advances_the_offset_stops_with_an_error()
    {
        var patches = 0;
        await using var stuck = await TestServerHost.StartAsync(new TestServerOptions
        {
            SkipVerification = static _ => true,
            ConfigureRoutes = app =>
            {
                app.MapMethods("/upload", [HttpMethods.Head, HttpMethods.Patch], async context =>
                {
                    if (HttpMethods.IsPatch(context.Request.Method))
                    {
                        Interlocked.Increment(ref patches);
                        await context.Request.Body.CopyToAsync(Stream.Null);
                    }

                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    context.Response.Headers["Tus-Resumable"] = "1.0.0";
                    context.Response.Headers["Upload-Offset"] = "0";
                });
            },
        });

        await using var cli = await EmulatedCli.StartAsync();
        cli.State.StorageProxyPublicUrl = new Uri(InternalProxy);
        cli.State.CreateFolder("data");
        cli.Variables["BACKEND_OVERRIDE_STORAGE_PROXY"] =
            string.Create(CultureInfo.InvariantCulture, $"{InternalProxy}=http://127.0.0.1:{stuck.BaseAddress.Port}");
        await File.WriteAllTextAsync(cli.LocalPath("a.txt"), "payload");

        // A safety net only: without it the upload spins for ever.
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var upload = await cli.RunAsync(
            new CliRunSettings(CancellationToken: safetyNet.Token),
            "vfolder",
            "upload",
            "data",
            cli.LocalPath("a.txt"));

        Assert.False(safetyNet.IsCancellationRequested, $"The upload was still looping after {patches} PATCHes.");
        Assert.Equal(1, upload.ExitCode);
        Assert.DoesNotContain("Uploaded", upload.Output, StringComparison.Ordinal);
    }
}
