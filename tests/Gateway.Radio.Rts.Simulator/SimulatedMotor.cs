using Gateway.Radio.Rts.Protocol;

namespace Gateway.Radio.Rts.Simulator;

/// <summary>
/// An RTS motor that moves in time: travel durations for a full open and close, a "my" position, and the RFY
/// addresses it obeys (learnt while in programming mode). Closure 0 is open, 100 closed.
/// </summary>
public sealed class SimulatedMotor(string name, TimeSpan opening, TimeSpan closing, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly HashSet<RfyAddress> _remotes = [];
    private double _closure;
    private int _direction;
    private double _target;
    private long _startedAt;

    public string Name => name;

    /// <summary>The motor's "my" (favourite) position.</summary>
    public int MyPosition { get; set; } = 50;

    /// <summary>Set by holding PROG on the motor's own remote: the next program frame pairs its address.</summary>
    public bool ProgrammingMode { get; set; }

    /// <summary>Slat steps taken (venetian tilt), up positive.</summary>
    public int TiltSteps { get; private set; }

    public int Commands { get; private set; }

    public bool Obeys(RfyAddress address)
    {
        lock (_gate) return _remotes.Contains(address);
    }

    public double Closure
    {
        get { lock (_gate) return CurrentLocked(); }
    }

    public bool Moving
    {
        get { lock (_gate) return _direction != 0 && CurrentLocked() != _target; }
    }

    public void Learn(RfyAddress address)
    {
        lock (_gate) _remotes.Add(address);
        ProgrammingMode = false;
    }

    /// <summary>Sets the position at once (the test's starting point).</summary>
    public void PlaceAt(double closure)
    {
        lock (_gate)
        {
            _closure = closure;
            _direction = 0;
        }
    }

    public void Obey(RfyCommand command)
    {
        lock (_gate)
        {
            Commands++;
            switch (command)
            {
                case RfyCommand.Up or RfyCommand.Up2Seconds: MoveLocked(0); break;
                case RfyCommand.Down or RfyCommand.Down2Seconds: MoveLocked(100); break;
                case RfyCommand.Up05Seconds: TiltSteps++; break;
                case RfyCommand.Down05Seconds: TiltSteps--; break;
                case RfyCommand.Stop:
                    if (_direction != 0 && CurrentLocked() != _target)
                    {
                        _closure = CurrentLocked();
                        _direction = 0;
                    }
                    else
                    {
                        MoveLocked(MyPosition);
                    }
                    break;
            }
        }
    }

    private void MoveLocked(double target)
    {
        _closure = CurrentLocked();
        _target = target;
        _direction = target < _closure ? -1 : target > _closure ? 1 : 0;
        _startedAt = _time.GetTimestamp();
    }

    private double CurrentLocked()
    {
        if (_direction == 0) return _closure;
        var travel = _direction < 0 ? opening : closing;
        var moved = _time.GetElapsedTime(_startedAt) / travel * 100;
        var position = _closure + _direction * moved;
        return _direction < 0 ? Math.Max(position, _target) : Math.Min(position, _target);
    }

    public override string ToString() => $"{name}: closure {Closure:0.#}{(Moving ? " (moving)" : "")}, my {MyPosition}, tilt {TiltSteps}{(ProgrammingMode ? ", in programming mode" : "")}";
}
