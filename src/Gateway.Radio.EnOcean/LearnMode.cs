using Gateway.Radio.EnOcean.Protocol.Eep;

namespace Gateway.Radio.EnOcean;

/// <summary>Whether the radio accepts new devices right now, and as what profile if the user said.</summary>
internal sealed class LearnMode(TimeProvider time)
{
    private readonly Lock _gate = new();
    private bool _open;
    private long _generation;
    private EepProfile? _profile;
    private ITimer? _timer;

    public bool IsActive
    {
        get { lock (_gate) return _open; }
    }

    public EepProfile? Profile
    {
        get { lock (_gate) return _profile; }
    }

    /// <summary>Opens (or reopens) learn mode; <paramref name="onTimeout"/> runs if it then closes on its own.</summary>
    public void Open(TimeSpan duration, EepProfile? profile, Action onTimeout)
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _open = true;
            _profile = profile;
            var generation = ++_generation;
            _timer = time.CreateTimer(_ =>
            {
                lock (_gate)
                {
                    // A later Open or a Close made this timer stale.
                    if (generation != _generation || !_open) return;
                    _open = false;
                    _profile = null;
                }
                onTimeout();
            }, null, duration, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Closes learn mode; false if it was not open.</summary>
    public bool Close()
    {
        lock (_gate)
        {
            var wasOpen = _open;
            _open = false;
            _profile = null;
            _generation++;
            _timer?.Dispose();
            _timer = null;
            return wasOpen;
        }
    }
}
