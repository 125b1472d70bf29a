using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Gateway.Cli.Daemon;

/// <summary>HTTP over the daemon's admin socket. Every failure to reach it becomes one clear sentence.</summary>
public sealed class AdminClient : IDisposable
{
    private const string Prefix = "http://gatewayd/admin/v1/";
    private readonly HttpClient _http;

    public AdminClient(string socketPath)
    {
        SocketPath = socketPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            UseProxy = false,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public string SocketPath { get; }

    public Task<JsonDocument> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Prefix + path), cancellationToken);

    public Task<JsonDocument> PostAsync(string path, string? json, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, Prefix + path) { Content = Body(json) }, cancellationToken);

    public Task<JsonDocument> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, Prefix + path), cancellationToken);

    /// <summary>POSTs and copies the answer's bytes to <paramref name="destination"/> (a backup archive).</summary>
    public async Task DownloadAsync(string path, Stream destination, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(HttpMethod.Post, Prefix + path), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await ThrowIfRefusedAsync(response, cancellationToken);
        await response.Content.CopyToAsync(destination, cancellationToken);
    }

    /// <summary>POSTs <paramref name="source"/> as the body (a backup archive) and reads the JSON answer.</summary>
    public Task<JsonDocument> UploadAsync(string path, Stream source, CancellationToken cancellationToken)
    {
        var content = new StreamContent(source);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/gzip");
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, Prefix + path) { Content = content }, cancellationToken);
    }

    /// <summary>True when something answers on the socket; used to wait for a restart.</summary>
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var status = await GetAsync("status", cancellationToken);
            return true;
        }
        catch (DaemonUnreachableException)
        {
            return false;
        }
    }

    /// <summary>Newline-delimited JSON, one document per line as it arrives.</summary>
    public async IAsyncEnumerable<JsonDocument> StreamAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var response = await SendRawAsync(new HttpRequestMessage(HttpMethod.Get, Prefix + path), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        using (response)
        {
            await ThrowIfRefusedAsync(response, cancellationToken);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
                if (line.Length > 0) yield return JsonDocument.Parse(line);
        }
    }

    public static string Escape(string segment) => Uri.EscapeDataString(segment);

    public void Dispose() => _http.Dispose();

    private static StringContent? Body(string? json) => json is null ? null : new StringContent(json, Encoding.UTF8, "application/json");

    private async Task<JsonDocument> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        await ThrowIfRefusedAsync(response, cancellationToken);
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.InnerException is DaemonUnreachableException unreachable)
        {
            throw unreachable;
        }
        catch (HttpRequestException ex)
        {
            throw new DaemonUnreachableException($"the daemon on {SocketPath} did not answer: {ex.Message}");
        }
    }

    private static async Task ThrowIfRefusedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        string code = "", message = $"the daemon answered {(int)response.StatusCode}";
        try
        {
            using var error = JsonDocument.Parse(body);
            if (error.RootElement.TryGetProperty("errorCode", out var c)) code = c.GetString() ?? "";
            if (error.RootElement.TryGetProperty("error", out var e)) message = e.GetString() ?? message;
        }
        catch (JsonException)
        {
            // Not an error body: the status line says enough.
        }
        throw new DaemonRefusedException((int)response.StatusCode, code, message);
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new DaemonUnreachableException(ex.SocketErrorCode switch
            {
                SocketError.AccessDenied => $"permission denied on {SocketPath}: add yourself to group gatewayd (sudo usermod -aG gatewayd $USER, then log in again) or use sudo",
                _ when !File.Exists(SocketPath) => $"gatewayd is not running (no socket at {SocketPath}; use --socket PATH if it runs elsewhere)",
                SocketError.ConnectionRefused => $"gatewayd is not running (nothing answers on {SocketPath})",
                _ => $"cannot reach gatewayd on {SocketPath}: {ex.Message}",
            });
        }
    }
}
