using System.Text.Json;
using Gateway.Core.Json;
using Gateway.Engine.Devices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Daemon.Admin;

/// <summary><c>gatewayctl devices</c> and <c>device URL</c>: the devices in the API's own JSON shape.</summary>
public static class AdminDevices
{
    public static Task ListAsync(HttpContext context)
    {
        var registry = context.RequestServices.GetRequiredService<DeviceRegistry>();
        return AdminJson.WriteBytesAsync(context, JsonSerializer.SerializeToUtf8Bytes(registry.All(), GatewayJsonContext.Relaxed.IReadOnlyListDevice));
    }

    public static Task ShowAsync(HttpContext context, string deviceUrl)
    {
        var registry = context.RequestServices.GetRequiredService<DeviceRegistry>();
        return registry.Find(deviceUrl) is { } device
            ? AdminJson.WriteBytesAsync(context, JsonSerializer.SerializeToUtf8Bytes(device, GatewayJsonContext.Relaxed.Device))
            : AdminJson.WriteErrorAsync(context, 404, "UNSPECIFIED_ERROR", $"no device {deviceUrl}");
    }
}
