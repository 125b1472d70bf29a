using System.Globalization;
using Gateway.Core.Persistence;
using Gateway.Radio.Rts.Protocol;

namespace Gateway.Radio.Rts;

/// <summary>
/// Which RFY addresses the gateway has used, kept in the gateway database (radio settings, protocol "rts", keys
/// <c>channel/NNNNNN</c>). The rolling code of each address lives in the transceiver, so an address that ever went on
/// air must never be handed out again: records are never deleted (a removed device's channel stays "removed"), a
/// channel is written as reserved before its first frame is sent, and new channels only ever count upwards. Addresses
/// the transceiver already holds (found by listing its remotes) are skipped as well.
/// </summary>
internal sealed class RtsAddressBook(IRadioSettingsStore store, int addressBase)
{
    public const string Protocol = "rts";
    private const string ChannelPrefix = "channel/";

    private readonly Lock _gate = new();
    private readonly Dictionary<int, ChannelRecord> _channels = [];
    private readonly HashSet<RfyAddress> _taken = [];

    public sealed record ChannelRecord(int Channel, RfyAddress Address, string Status);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(Protocol, ChannelPrefix, cancellationToken);
        lock (_gate)
        {
            foreach (var (key, value) in stored)
            {
                if (!int.TryParse(key.AsSpan(ChannelPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var channel)) continue;
                if (!TryParseValue(value, out var address, out var status)) continue;
                _channels[channel] = new ChannelRecord(channel, address, status);
                _taken.Add(address);
            }
        }
    }

    public IReadOnlyList<ChannelRecord> Channels
    {
        get { lock (_gate) return [.. _channels.Values.OrderBy(c => c.Channel)]; }
    }

    /// <summary>The channel the next pairing gets: above every channel ever used, on an address nobody holds.</summary>
    public int NextChannel()
    {
        lock (_gate)
        {
            var channel = _channels.Count == 0 ? 1 : _channels.Keys.Max() + 1;
            while (_taken.Contains(AddressOf(channel))) channel++;
            if (addressBase + channel > RfyAddress.MaxId) throw new InvalidOperationException("the gateway's block of RFY addresses is used up");
            return channel;
        }
    }

    /// <summary>Records the channel as used before anything is sent for it; throws when it was used before.</summary>
    public async Task<RfyAddress> ReserveAsync(int channel, CancellationToken cancellationToken)
    {
        RfyAddress address;
        lock (_gate)
        {
            if (channel < 1 || addressBase + channel > RfyAddress.MaxId) throw new ArgumentException($"RTS channel {channel} is outside the gateway's block");
            if (_channels.ContainsKey(channel) || channel < NextChannelLocked())
                throw new InvalidOperationException($"RTS channel {channel} was already used; ask for a new one");
            address = AddressOf(channel);
            if (_taken.Contains(address)) throw new InvalidOperationException($"RFY address {address} is already in the transceiver");
            _channels[channel] = new ChannelRecord(channel, address, "reserved");
            _taken.Add(address);
        }
        await store.SetAsync(Protocol, Key(channel), Value(address, "reserved"), cancellationToken);
        return address;
    }

    public async Task MarkAsync(int channel, string status, CancellationToken cancellationToken)
    {
        RfyAddress address;
        lock (_gate)
        {
            if (!_channels.TryGetValue(channel, out var record)) return;
            address = record.Address;
            _channels[channel] = record with { Status = status };
        }
        await store.SetAsync(Protocol, Key(channel), Value(address, status), cancellationToken);
    }

    /// <summary>
    /// A remote the transceiver holds. One in the gateway's block that the database does not know (a restore of an
    /// older backup, say) is recorded, so the channel counter moves past it; any other is just never handed out.
    /// </summary>
    public async Task NoteTransceiverRemoteAsync(RfyAddress address, CancellationToken cancellationToken)
    {
        int? channel = null;
        lock (_gate)
        {
            if (!_taken.Add(address)) return;
            var candidate = address.Id - addressBase;
            if (address.Unit == 1 && candidate >= 1 && !_channels.ContainsKey(candidate))
            {
                _channels[candidate] = new ChannelRecord(candidate, address, "in-transceiver");
                channel = candidate;
            }
        }
        if (channel is { } c) await store.SetAsync(Protocol, Key(c), Value(address, "in-transceiver"), cancellationToken);
    }

    public RfyAddress AddressOf(int channel) => new(addressBase + channel, 1);

    private int NextChannelLocked() => _channels.Count == 0 ? 1 : _channels.Keys.Max() + 1;

    private static string Key(int channel) => $"{ChannelPrefix}{channel:D6}";

    private static string Value(RfyAddress address, string status) => $"{address.Id:X6}/{address.Unit} {status}";

    private static bool TryParseValue(string value, out RfyAddress address, out string status)
    {
        address = default;
        status = "";
        var parts = value.Split(' ', 2);
        var idUnit = parts[0].Split('/');
        if (parts.Length != 2 || idUnit.Length != 2
            || !int.TryParse(idUnit[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var id)
            || !byte.TryParse(idUnit[1], NumberStyles.None, CultureInfo.InvariantCulture, out var unit)) return false;
        address = new RfyAddress(id, unit);
        status = parts[1];
        return true;
    }
}
