using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>
/// GET events/stream over the real daemon's HTTPS: SSE and WebSocket carry what a listener fetches, a reconnect with
/// Last-Event-ID gets exactly what it missed, a client that stops reading is dropped while others go on.
/// </summary>
public class EventStreamTests(EventStreamGateway gateway) : IClassFixture<EventStreamGateway>
{
    private const string Temperature = "1100008#1";

    [Fact]
    public async Task Sse_and_websocket_carry_the_fetched_events_and_a_reconnect_resumes_after_its_last_event()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var token = timeout.Token;
        using var client = gateway.Client();

        // No token, a wrong token: the box's 401 bodies, before any stream opens.
        using (var anonymous = gateway.StreamClient(token: null))
        {
            anonymous.DefaultRequestHeaders.Authorization = null;
            using var refused = await anonymous.GetAsync("events/stream", token);
            Assert.Equal(401, (int)refused.StatusCode);
            Assert.Equal("""{"error":"Missing authorization token.","errorCode":"RESOURCE_ACCESS_DENIED"}""", await refused.Content.ReadAsStringAsync(token));
        }
        using (var wrong = gateway.StreamClient("not-a-token"))
        {
            using var refused = await wrong.GetAsync("events/stream", token);
            Assert.Equal(401, (int)refused.StatusCode);
            Assert.Contains("Not authenticated.", await refused.Content.ReadAsStringAsync(token));
        }

        using var sseHttp = gateway.StreamClient();
        var (sseResponse, sse) = await OpenSseAsync(sseHttp, lastEventId: null, token);
        Assert.Equal("text/event-stream", sseResponse.Content.Headers.ContentType?.MediaType);
        using var socket = await OpenWebSocketAsync(token);
        var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;

        var execId = await client.ApplyAsync(gateway.Url("1100001"), "setClosure", 100);
        var fetched = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));
        var streamed = await sse.ReadUntilAsync(f => IsExecutionEnd(f.Data, execId), token);
        var overSocket = await ReadWebSocketUntilAsync(socket, m => IsExecutionEnd(m.Event, execId), token);

        // The same JSON, text for text. Concurrent publishers may interleave differently per consumer, so as sets.
        var fetchedExecution = Sorted(Execution(fetched.Select(e => e.GetRawText()), execId));
        Assert.Equal(fetchedExecution, Sorted(Execution(streamed.Select(f => f.Data), execId)));
        Assert.Equal(fetchedExecution, Sorted(Execution(overSocket.Select(m => m.Event), execId)));
        Assert.Contains(fetchedExecution, e => e.Contains("\"newState\":\"COMPLETED\""));
        AssertConsecutive(streamed.Select(f => f.Id!));
        Assert.Equal(streamed.Select(f => f.Id), overSocket.Select(m => m.Id).Skip(overSocket.Count - streamed.Count));

        // The SSE client goes away; two readings happen; it comes back with its last id and gets exactly those.
        var lastSeen = streamed[^1].Id!;
        sse.Dispose();
        sseResponse.Dispose();
        await ReportTemperatureAsync(client, 30.5);
        await ReportTemperatureAsync(client, 31.5);
        fetched.AddRange(await client.FetchUntilAsync(listener, all => all.Any(e => e.GetRawText().Contains("31.5"))));
        var missed = Sorted(fetched.Select(e => e.GetRawText()).SkipWhile(e => !IsExecutionEnd(e, execId)).Skip(1));

        var (resumedResponse, resumed) = await OpenSseAsync(sseHttp, lastSeen, token);
        long newest;
        using (resumedResponse)
        using (resumed)
        {
            var replayed = await resumed.ReadUntilAsync(f => f.Data.Contains("31.5"), token);
            Assert.Equal(long.Parse(lastSeen) + 1, long.Parse(replayed[0].Id!));
            AssertConsecutive(replayed.Select(f => f.Id!));
            newest = long.Parse(replayed[^1].Id!);
            Assert.Equal(missed, Sorted(replayed.Select(f => f.Data)));
            // Nothing more happened, so the next thing on the stream is the heartbeat comment.
            var next = await resumed.NextAsync(token);
            Assert.True(next is { IsComment: true, Data: "ping" }, next?.ToString());
        }
        var live = await ReadWebSocketUntilAsync(socket, m => m.Event.Contains("31.5"), token);
        Assert.Contains(live, m => m.Event.Contains("30.5"));

        // An id from before the window (or another run): a reset first, carrying the id to resume from next time.
        var (resetResponse, reset) = await OpenSseAsync(sseHttp, "1", token);
        using (resetResponse)
        using (reset)
        {
            var first = await reset.ReadUntilAsync(_ => true, token);
            Assert.Equal("reset", first[0].Event);
            Assert.True(long.Parse(first[0].Id!) >= newest, first[0].ToString());
        }
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, token);
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_dropped_while_another_stream_keeps_receiving()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var token = timeout.Token;
        using var client = gateway.Client();

        // A raw TLS socket with a tiny receive window that reads the response head and then nothing more.
        using var tcp = new TcpClient { ReceiveBufferSize = 4096 };
        await tcp.ConnectAsync("127.0.0.1", gateway.Daemon.Port, token);
        await using var stalled = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) => IsGatewayCertificate(certificate));
        await stalled.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "127.0.0.1", ApplicationProtocols = [SslApplicationProtocol.Http11] }, token);
        await stalled.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET /enduser-mobile-web/1/enduserAPI/events/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {gateway.Token}\r\nAccept: text/event-stream\r\n\r\n"), token);
        var head = await ReadHeadAsync(stalled, token);
        Assert.StartsWith("HTTP/1.1 200", head);

        // Readings in rounds, each read by the healthy stream before the next (so it never lags by a whole queue),
        // until the stalled client has fallen a whole queue behind and the gateway says it dropped it; then one more.
        const int round = 500;
        var from = 1;
        var received = new List<SseFrame>();
        using var sseHttp = gateway.StreamClient();
        var (healthyResponse, healthy) = await OpenSseAsync(sseHttp, lastEventId: null, token);
        using (healthyResponse)
        using (healthy)
        {
            var afterDrop = 0;
            for (var rounds = 0; afterDrop < 2; rounds++)
            {
                Assert.True(rounds < 200, "the stalled client was never dropped:\n" + gateway.Daemon.Output);
                var last = $"\"value\":{from + round - 1}}}";
                var reading = healthy.ReadUntilAsync(f => f.Data.Contains(last), token);
                using (var series = await client.PutAsync($"/gatewayd/simulation/devices/{Uri.EscapeDataString(Temperature)}/states/series",
                    new StringContent($$"""{"name":"core:TemperatureState","from":{{from}},"count":{{round}}}""", Encoding.UTF8, "application/json"), token))
                    Assert.Equal(200, (int)series.StatusCode);
                received.AddRange(await reading);
                from += round;
                if (afterDrop > 0 || gateway.Daemon.Output.Contains("dropped: its client fell")) afterDrop++;
            }
        }
        Assert.Equal(from - 1, received.Count);
        AssertConsecutive(received.Select(f => f.Id!));

        // The stalled socket was cut: reading it now ends (end of stream or reset) before the last reading shows up.
        var rest = await ReadToEndAsync(stalled, token);
        Assert.DoesNotContain($"\"value\":{from - 1}}}", rest);
    }

    private async Task<(HttpResponseMessage Response, SseReader Reader)> OpenSseAsync(HttpClient http, string? lastEventId, CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "events/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
        if (!response.IsSuccessStatusCode) Assert.Fail($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(token)}");
        return (response, new SseReader(await response.Content.ReadAsStreamAsync(token)));
    }

    private async Task<ClientWebSocket> OpenWebSocketAsync(CancellationToken token)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + gateway.Token);
        socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) => IsGatewayCertificate(certificate);
        await socket.ConnectAsync(gateway.WebSocketUri, token);
        return socket;
    }

    private static async Task<List<(string Id, string Event)>> ReadWebSocketUntilAsync(ClientWebSocket socket, Func<(string Id, string Event), bool> done, CancellationToken token)
    {
        var messages = new List<(string Id, string Event)>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, token);
                Assert.NotEqual(WebSocketMessageType.Close, received.MessageType);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);
            using var json = JsonDocument.Parse(message.ToArray());
            var item = (json.RootElement.GetProperty("id").GetString()!, json.RootElement.GetProperty("event").GetRawText());
            messages.Add(item);
            if (done(item)) return messages;
        }
    }

    private bool IsGatewayCertificate(X509Certificate? certificate)
    {
        using var expected = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(gateway.Daemon.DataDirectory, "api-certificate.pfx"), null);
        return certificate is not null && certificate.GetCertHashString() == expected.Thumbprint;
    }

    private static async Task<string> ReadHeadAsync(Stream stream, CancellationToken token)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, token) == 0) break;
            head.Append((char)one[0]);
        }
        return head.ToString();
    }

    private static async Task<string> ReadToEndAsync(Stream stream, CancellationToken token)
    {
        var text = new StringBuilder();
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, token)) > 0) text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        catch (IOException)
        {
            // Reset by the gateway: cut, as it should be.
        }
        return text.ToString();
    }

    private static async Task ReportTemperatureAsync(HttpClient client, double value)
    {
        using var response = await client.PutAsync($"/gatewayd/simulation/devices/{Uri.EscapeDataString(Temperature)}/states",
            new StringContent($$"""[{"name":"core:TemperatureState","value":{{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}]""", Encoding.UTF8, "application/json"));
        Assert.Equal(200, (int)response.StatusCode);
    }

    private static bool IsExecutionEnd(string json, string execId)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.IsExecutionEnd(execId);
    }

    /// <summary>From the execution's first event to its end, as the consumer saw them.</summary>
    private static IEnumerable<string> Execution(IEnumerable<string> events, string execId)
    {
        var list = events.ToList();
        var first = list.FindIndex(e => e.Contains(execId));
        var last = list.FindIndex(e => IsExecutionEnd(e, execId));
        Assert.True(first >= 0 && last >= first, string.Join("\n", list));
        return list.Skip(first).Take(last - first + 1);
    }

    private static List<string> Sorted(IEnumerable<string> events) => events.Order(StringComparer.Ordinal).ToList();

    private static void AssertConsecutive(IEnumerable<string> ids)
    {
        var numbers = ids.Select(long.Parse).ToList();
        for (var i = 1; i < numbers.Count; i++) Assert.Equal(numbers[i - 1] + 1, numbers[i]);
    }
}
