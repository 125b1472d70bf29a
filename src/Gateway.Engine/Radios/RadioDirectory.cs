using Gateway.Core.Radio;

namespace Gateway.Engine.Radios;

/// <summary>The radios this gateway runs, found by the protocol of a deviceURL.</summary>
public sealed class RadioDirectory
{
    private readonly Dictionary<string, IRadio> _byProtocol;

    public RadioDirectory(IEnumerable<IRadio> radios)
    {
        _byProtocol = new Dictionary<string, IRadio>(StringComparer.Ordinal);
        foreach (var radio in radios)
        {
            if (!_byProtocol.TryAdd(radio.Protocol, radio))
                throw new InvalidOperationException($"Two radios claim the protocol {radio.Protocol}");
        }
    }

    public IReadOnlyCollection<IRadio> All => _byProtocol.Values;

    public IRadio? Find(string protocol) => _byProtocol.GetValueOrDefault(protocol);
}
