using Gateway.Core.Persistence;

namespace Gateway.Engine.Setup;

/// <summary>The setup's free-form metadata (PUT /setup/metadata), kept in the settings table and shown in GET /setup.</summary>
public sealed class SetupMetadata(ISettingsStore settings)
{
    private const string Key = "setup.metadata";
    private string? _value;
    private long _version;
    private bool _loaded;

    public long Version => Interlocked.Read(ref _version);

    public string? Current => Volatile.Read(ref _value);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _value, await settings.GetAsync(Key, cancellationToken));
        _loaded = true;
        Interlocked.Increment(ref _version);
    }

    public async Task SetAsync(string metadata, CancellationToken cancellationToken)
    {
        if (!_loaded) await LoadAsync(cancellationToken);
        await settings.SetAsync(Key, metadata, cancellationToken);
        Volatile.Write(ref _value, metadata);
        Interlocked.Increment(ref _version);
    }
}
