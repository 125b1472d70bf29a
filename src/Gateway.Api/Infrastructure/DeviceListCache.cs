using System.Text.Json;
using Gateway.Api.Contracts;
using Gateway.Core.Json;
using Gateway.Core.Model;
using Gateway.Engine.Devices;
using Gateway.Engine.Places;
using Gateway.Engine.Setup;

namespace Gateway.Api.Infrastructure;

/// <summary>
/// The JSON of /setup/devices and /setup, rebuilt only when a device, a place or the setup's metadata changed.
/// Clients poll these; between two state changes every poll gets the same bytes.
/// </summary>
public sealed class DeviceListCache(DeviceRegistry registry, PlaceService places, SetupMetadata metadata, SetupIdentity identity)
{
    private Snapshot? _snapshot;

    public byte[] DevicesJson() => Current().Devices;

    public byte[] SetupJson() => Current().Setup;

    public IReadOnlyList<GatewayView> Gateways() =>
        [new GatewayView(new GatewayConnectivity("OK", SetupIdentity.ProtocolVersion), identity.GatewayId)];

    private Snapshot Current()
    {
        var version = (registry.Version, places.Version, metadata.Version);
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && snapshot.Version == version) return snapshot;

        var devices = registry.All();
        snapshot = new Snapshot(
            version,
            JsonSerializer.SerializeToUtf8Bytes(devices, GatewayJsonContext.Relaxed.IReadOnlyListDevice),
            JsonSerializer.SerializeToUtf8Bytes(new SetupView(Gateways(), devices, metadata.Current, places.Root()), ApiJsonContext.Relaxed.SetupView));
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }

    private sealed record Snapshot((long Devices, long Places, long Metadata) Version, byte[] Devices, byte[] Setup);
}
