using Gateway.Core.Model;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>
/// Turns the telegrams of one EEP into Overkiz states. Pure and total: a telegram of another RORG, of the wrong length,
/// a teach-in telegram or a value the profile marks invalid gives fewer states (often none), never an exception.
/// </summary>
public interface IEepDecoder
{
    EepProfile Profile { get; }

    /// <summary>The states the telegram reports (for a multi-channel profile, the states of the channel it names).</summary>
    IReadOnlyList<DeviceState> Decode(Erp1Telegram telegram);

    /// <summary>
    /// The states with the channel they belong to. Single-channel profiles return one reading with a null channel
    /// (or none when <see cref="Decode"/> finds nothing); D2-01 and A5-12-00 name the channel.
    /// </summary>
    IReadOnlyList<EepReading> DecodeReadings(Erp1Telegram telegram)
    {
        var states = Decode(telegram);
        return states.Count == 0 ? [] : [new EepReading(null, states)];
    }
}
