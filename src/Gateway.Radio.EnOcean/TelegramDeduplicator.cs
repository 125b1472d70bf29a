using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean;

/// <summary>
/// Drops the copies of a telegram that repeaters (and the sender's own sub-telegrams) deliver within a short window.
/// The repeater count in the status byte is ignored: a repeated copy differs only there.
/// </summary>
internal sealed class TelegramDeduplicator(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(800);
    private readonly Dictionary<(uint Sender, byte Rorg), (byte[] Payload, long At)> _last = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time a telegram is seen, false for its copies inside the window.</summary>
    public bool IsNew(Erp1Telegram telegram)
    {
        var now = time.GetTimestamp();
        var key = (telegram.SenderId, telegram.Rorg);
        lock (_gate)
        {
            if (_last.TryGetValue(key, out var last)
                && time.GetElapsedTime(last.At, now) < Window
                && last.Payload.AsSpan().SequenceEqual(telegram.Payload))
                return false;
            _last[key] = (telegram.Payload, now);
            if (_last.Count > 4096) _last.Clear();
            return true;
        }
    }
}
