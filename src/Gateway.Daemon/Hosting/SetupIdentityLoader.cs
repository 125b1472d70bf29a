using Gateway.Core.Model;
using Gateway.Core.Persistence;

namespace Gateway.Daemon.Hosting;

/// <summary>Reads the box's identity from settings, generating it on the very first start.</summary>
public static class SetupIdentityLoader
{
    public static async Task<SetupIdentity> LoadOrCreateAsync(ISettingsStore settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var gatewayId = await GetOrCreateAsync(settings, "gateway.id", GatewayPin.Generate, cancellationToken);
        var setupOid = await GetOrCreateAsync(settings, "setup.oid", () => Guid.NewGuid().ToString(), cancellationToken);
        var rootPlace = await GetOrCreateAsync(settings, "setup.rootPlaceOid", () => Guid.NewGuid().ToString(), cancellationToken);
        var created = await GetOrCreateAsync(settings, "setup.creationTime",
            () => time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return new SetupIdentity(gatewayId, setupOid, rootPlace, long.Parse(created, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<string> GetOrCreateAsync(ISettingsStore settings, string key, Func<string> create, CancellationToken cancellationToken)
    {
        var value = await settings.GetAsync(key, cancellationToken);
        if (value is not null) return value;
        value = create();
        await settings.SetAsync(key, value, cancellationToken);
        return value;
    }
}
