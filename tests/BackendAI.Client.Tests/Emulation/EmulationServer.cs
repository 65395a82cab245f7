using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackendAI.TestServer.Emulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackendAI.Client.Tests.Emulation;

/// <summary>A small Kestrel app on 127.0.0.1:0 carrying the emulated manager (at the root, no signature check),
/// web server and storage proxy, with a plain HttpClient that keeps no cookies of its own.</summary>
internal sealed class EmulationServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private EmulationServer(WebApplication app, EmulationState state, Uri baseAddress)
    {
        this.app = app;
        State = state;
        BaseAddress = baseAddress;
        var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false };
        Client = new HttpClient(handler)
        {
            BaseAddress = baseAddress,
        };
    }

    public EmulationState State { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public static async Task<EmulationServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var state = new EmulationState();
        ManagerRoutes.Map(app, state);
        StorageProxyRoutes.Map(app, state);
        WebServerRoutes.Map(app, state);
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        var address = addresses.Addresses.Single();
        return new EmulationServer(app, state, new Uri(address));
    }

    public async Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        State.Dispose();
    }
}
