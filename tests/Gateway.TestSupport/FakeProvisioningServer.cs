using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gateway.TestSupport;

/// <summary>
/// A small stand-in for the cloud's installation API on 127.0.0.1 and a random free port: POST
/// /api/apps/{app}/installations and GET …/installations/{id}/mqtt-endpoint. Answers can be scripted per route
/// (error statuses with the cloud's error bodies) before the default success; every request is recorded.
/// </summary>
public sealed class FakeProvisioningServer : IAsyncDisposable
{
    public const string InstallationsRoute = "installations";
    public const string EndpointRoute = "mqtt-endpoint";
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedAnswer>> _scripts = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Task _serving;

    private FakeProvisioningServer(int port, string appId, string thingToken)
    {
        Port = port;
        AppId = appId;
        ThingToken = thingToken;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public string AppId { get; }
    public string ThingToken { get; }
    public string Url => $"http://127.0.0.1:{Port}";
    public string InstallationId { get; } = "inst-" + Guid.NewGuid().ToString("N")[..12];
    public string RegistrationId { get; } = "reg-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The broker the endpoint names (set before the gateway asks).</summary>
    public string MqttHost { get; set; } = "127.0.0.1";
    public int MqttPort { get; set; }
    public string MqttUsername { get; set; } = "thing-user";
    public string MqttPassword { get; set; } = "thing-secret";

    public IReadOnlyList<RecordedRequest> Requests { get { lock (_requests) return [.. _requests]; } }

    public static FakeProvisioningServer Start(string appId = "app1", string thingToken = "thing-token-1") => new(FreePort(), appId, thingToken);

    /// <summary>The next request on <paramref name="route"/> gets this answer instead of the default.</summary>
    public void Enqueue(string route, int status, string errorCode, string message, int? retryAfterSeconds = null) =>
        _scripts.GetOrAdd(route, _ => new()).Enqueue(new ScriptedAnswer(status, $$"""{"errorCode":"{{errorCode}}","message":"{{message}}"}""", retryAfterSeconds));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                await AnswerAsync(context);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException)
            {
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8)) body = await reader.ReadToEndAsync();
        var path = request.Url!.AbsolutePath;
        var recorded = new RecordedRequest(request.HttpMethod, path, request.Headers["Authorization"], request.ContentType, body);
        lock (_requests) _requests.Add(recorded);

        var prefix = $"/api/apps/{AppId}/installations";
        var route = request.HttpMethod == "POST" && path == prefix ? InstallationsRoute
            : request.HttpMethod == "GET" && path == $"{prefix}/{InstallationId}/mqtt-endpoint" ? EndpointRoute
            : null;
        if (route is null)
        {
            await WriteAsync(context, 404, """{"errorCode":"APP_NOT_FOUND","message":"no such route or app"}""", null);
            return;
        }
        if (_scripts.TryGetValue(route, out var script) && script.TryDequeue(out var scripted))
        {
            await WriteAsync(context, scripted.Status, scripted.Body, scripted.RetryAfterSeconds);
            return;
        }
        if (recorded.Authorization != $"Bearer {ThingToken}")
        {
            await WriteAsync(context, 401, $$"""{"errorCode":"UNAUTHORIZED","message":"bad token","authenticatedAppID":"{{AppId}}"}""", null);
            return;
        }
        if (route == InstallationsRoute)
        {
            await WriteAsync(context, 201, $$"""{"installationID":"{{InstallationId}}","installationRegistrationID":"{{RegistrationId}}"}""", null,
                "application/vnd.kii.InstallationCreationResponse+json");
            return;
        }
        await WriteAsync(context, 200, $$"""
            {"installationID":"{{InstallationId}}","username":"{{MqttUsername}}","password":"{{MqttPassword}}","mqttTopic":"{{RegistrationId}}",
             "host":"{{MqttHost}}","portTCP":{{MqttPort}},"portSSL":{{MqttPort}},"X-MQTT-TTL":2147483647}
            """, null);
    }

    private static async Task WriteAsync(HttpListenerContext context, int status, string body, int? retryAfterSeconds, string contentType = "application/json")
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        if (retryAfterSeconds is { } seconds) response.Headers["Retry-After"] = seconds.ToString();
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // The managed listener re-binds the port while removing its prefixes; once another test owns the port,
            // that fails although this listener is already stopped.
        }
        await _serving;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record ScriptedAnswer(int Status, string Body, int? RetryAfterSeconds);
}
