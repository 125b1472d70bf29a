using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Core.Persistence;
using Microsoft.Extensions.Logging;

namespace Gateway.Cloud.Provisioning;

/// <summary>
/// Registers the gateway once as an MQTT installation owned by its thing, keeps the installation and registration
/// ids in the settings table, then obtains the broker endpoint and credentials of that installation. Failures the
/// cloud may get over (unreachable, 408, 429, 5xx, endpoint not ready) are retried with a growing, jittered delay;
/// the others stop provisioning with a message naming what to fix.
/// </summary>
public sealed class CloudProvisioning(CloudProvisioningOptions options, ISettingsStore settings, HttpMessageHandler handler, TimeProvider time, ILogger logger)
    : ICloudEndpointSource
{
    public const string SettingKey = "cloud.provisioning";
    private const string InstallationContentType = "application/vnd.kii.InstallationCreationRequest+json";

    public async Task<ProvisionedEndpoint> ResolveAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };
        var delay = TimeSpan.FromSeconds(Math.Max(0.05, options.RetrySeconds));
        var stored = await LoadAsync(cancellationToken);
        while (true)
        {
            try
            {
                if (stored is null)
                {
                    stored = await RegisterAsync(http, cancellationToken);
                    await SaveAsync(stored, cancellationToken);
                    logger.LogInformation("Cloud provisioning: registered as MQTT installation {InstallationId}", stored.InstallationId);
                }
                if (!stored.HasBroker)
                {
                    stored = await EndpointAsync(http, stored, cancellationToken);
                    await SaveAsync(stored, cancellationToken);
                    logger.LogInformation("Cloud provisioning: broker {Host}:{Port} ({Scheme}) for installation {InstallationId}",
                        stored.Host, stored.Port, stored.UseTls ? "mqtts" : "mqtt", stored.InstallationId);
                }
                return stored;
            }
            catch (ProvisioningException ex) when (ex.Retryable)
            {
                var wait = ex.RetryAfter ?? delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Min(1000, delay.TotalMilliseconds / 2) + 1));
                logger.LogWarning("Cloud provisioning failed, retrying in {Seconds:0.#} s: {Error}", wait.TotalSeconds, ex.Message);
                await Task.Delay(wait, time, cancellationToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, Math.Max(options.RetrySeconds, options.MaxRetrySeconds)));
            }
            catch (ProvisioningException ex)
            {
                logger.LogError("Cloud provisioning stopped: {Error}. Cloud sync stays off until this is fixed and gatewayd restarted", ex.Message);
                throw;
            }
        }
    }

    /// <summary>Checks the settings; null when they are usable.</summary>
    public static string? Validate(CloudProvisioningOptions options)
    {
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.UserInfo))
            return $"Gateway:Cloud:Provisioning:Url must be an http(s) URL, not '{options.Url}'";
        if (string.IsNullOrWhiteSpace(options.AppId) || !options.AppId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            return "Gateway:Cloud:Provisioning:AppId must be set (letters, digits, - _ .)";
        if (string.IsNullOrWhiteSpace(options.ThingToken) || options.ThingToken.Any(char.IsControl))
            return "Gateway:Cloud:Provisioning:ThingToken must be set to the thing's access token";
        return null;
    }

    private Uri Api(string relative) => new($"{options.Url!.TrimEnd('/')}/api/apps/{Uri.EscapeDataString(options.AppId!)}/{relative}");

    private async Task<ProvisionedEndpoint> RegisterAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Api("installations"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ThingToken);
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new InstallationRequest("MQTT", options.Development), ProvisioningJsonContext.Default.InstallationRequest));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(InstallationContentType);
        var answer = await SendAsync(http, request, "registering the installation", ProvisioningJsonContext.Default.InstallationResponse, cancellationToken);
        if (string.IsNullOrEmpty(answer.InstallationId) || string.IsNullOrEmpty(answer.InstallationRegistrationId))
            throw new ProvisioningException("the cloud answered the installation without installationID or installationRegistrationID", retryable: false);
        return new ProvisionedEndpoint(answer.InstallationId, answer.InstallationRegistrationId);
    }

    private async Task<ProvisionedEndpoint> EndpointAsync(HttpClient http, ProvisionedEndpoint installation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Api($"installations/{Uri.EscapeDataString(installation.InstallationId)}/mqtt-endpoint"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ThingToken);
        var answer = await SendAsync(http, request, "fetching the MQTT endpoint", ProvisioningJsonContext.Default.MqttEndpointResponse, cancellationToken);
        var port = options.UseTls ? answer.PortSsl : answer.PortTcp;
        if (string.IsNullOrEmpty(answer.Host) || port is not (> 0 and <= 65535) || string.IsNullOrEmpty(answer.Username))
            throw new ProvisioningException($"the cloud's MQTT endpoint lacks host, {(options.UseTls ? "portSSL" : "portTCP")} or username", retryable: false);
        return installation with
        {
            Host = answer.Host,
            Port = port.Value,
            UseTls = options.UseTls,
            Username = answer.Username,
            Password = answer.Password,
            MqttTopic = answer.MqttTopic,
        };
    }

    private static async Task<T> SendAsync<T>(HttpClient http, HttpRequestMessage request, string what, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ProvisioningException($"{what}: the cloud is not reachable ({ex.Message})", retryable: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProvisioningException($"{what}: the cloud did not answer within {http.Timeout.TotalSeconds:0} s", retryable: true);
        }
        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return JsonSerializer.Deserialize(body, type) ?? throw new JsonException("null");
                }
                catch (JsonException)
                {
                    throw new ProvisioningException($"{what}: the cloud's answer is not the expected JSON", retryable: false);
                }
            }
            throw Failure(what, response, body);
        }
    }

    private static ProvisioningException Failure(string what, HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        CloudErrorResponse? error = null;
        try
        {
            error = JsonSerializer.Deserialize(body, ProvisioningJsonContext.Default.CloudErrorResponse);
        }
        catch (JsonException)
        {
        }
        var detail = error?.ErrorCode is { } code ? $"{code}{(string.IsNullOrEmpty(error.Message) ? "" : $": {Shorten(error.Message)}")}" : response.ReasonPhrase ?? "no detail";
        var retryAfter = response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Min(delta.TotalSeconds, 3600)) : (TimeSpan?)null;
        return response.StatusCode switch
        {
            HttpStatusCode.BadRequest => new($"{what}: the cloud refused the request as invalid ({status} {detail})", retryable: false),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new($"{what}: the cloud refused the thing token ({status} {detail}); check Gateway:Cloud:Provisioning:ThingToken", retryable: false),
            HttpStatusCode.NotFound =>
                new($"{what}: the cloud does not know the owner, app or installation ({status} {detail}); check Gateway:Cloud:Provisioning:AppId and ThingToken", retryable: false),
            HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => new($"{what}: {status} {detail}", retryable: true, retryAfter),
            _ when status >= 500 => new($"{what}: the cloud failed ({status} {detail})", retryable: true, retryAfter),
            _ => new($"{what}: the cloud answered {status} {detail}", retryable: false),
        };
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] : text;

    private async Task<ProvisionedEndpoint?> LoadAsync(CancellationToken cancellationToken)
    {
        var text = await settings.GetAsync(SettingKey, cancellationToken);
        if (text is null) return null;
        try
        {
            var stored = JsonSerializer.Deserialize(text, ProvisioningJsonContext.Default.ProvisionedEndpoint);
            // The stored broker is only trusted for the port kind (TLS or not) still configured.
            return stored is null ? null : stored.HasBroker && stored.UseTls != options.UseTls ? stored with { Host = null, Port = 0 } : stored;
        }
        catch (JsonException)
        {
            logger.LogWarning("The stored cloud installation is unreadable; registering again");
            return null;
        }
    }

    private Task SaveAsync(ProvisionedEndpoint endpoint, CancellationToken cancellationToken) =>
        settings.SetAsync(SettingKey, JsonSerializer.Serialize(endpoint, ProvisioningJsonContext.Default.ProvisionedEndpoint), cancellationToken);
}
