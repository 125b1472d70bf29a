using System.Text.Json;
using Gateway.Api.Contracts;
using Gateway.Core.Json;
using Gateway.Core.Model;
using Gateway.Engine.Devices;

namespace Gateway.Api.Infrastructure;

/// <summary>
/// The JSON of /setup/devices and /setup, rebuilt only when a device changed. Clients poll these; between two
/// state changes every poll gets the same bytes.
/// </summary>
public sealed class DeviceListCache(DeviceRegistry registry, SetupIdentity identity)
{
    private Snapshot? _snapshot;

    public byte[] DevicesJson() => Current().Devices;

    public byte[] SetupJson() => Current().Setup;

    public IReadOnlyList<GatewayView> Gateways() =>
        [new GatewayView(new GatewayConnectivity("OK", SetupIdentity.ProtocolVersion), identity.GatewayId)];

    private Snapshot Current()
    {
        var version = registry.Version;
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && snapshot.Version == version) return snapshot;

        var devices = registry.All();
        snapshot = new Snapshot(
            version,
            JsonSerializer.SerializeToUtf8Bytes(devices, GatewayJsonContext.Relaxed.IReadOnlyListDevice),
            JsonSerializer.SerializeToUtf8Bytes(new SetupView(Gateways(), devices), ApiJsonContext.Relaxed.SetupView));
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }

    private sealed record Snapshot(long Version, byte[] Devices, byte[] Setup);
}
