using System.Threading.Channels;
using Gateway.Daemon.Gpio;

namespace Gateway.Daemon.Tests.Gpio;

/// <summary>A GPIO chip in memory: records what the LED line was driven to, and lets a test press the button.</summary>
public sealed class FakeGpioChip(TimeProvider time) : IGpioChip
{
    public List<(DateTimeOffset At, bool On)> LedChanges { get; } = [];
    public Dictionary<int, string> Requested { get; } = [];
    public bool Disposed { get; private set; }
    private readonly Channel<bool> _edges = Channel.CreateUnbounded<bool>();

    public bool LedOn => LedChanges.Count > 0 && LedChanges[^1].On;

    public IGpioOutputLine RequestOutput(int offset, bool initial)
    {
        Requested[offset] = "output";
        LedChanges.Add((time.GetUtcNow(), initial));
        return new Output(this);
    }

    public IGpioInputLine RequestInput(int offset, bool activeLow, TimeSpan debounce)
    {
        Requested[offset] = activeLow ? "input, active low" : "input";
        return new Input(this);
    }

    public void Edge(bool pressed) => _edges.Writer.TryWrite(pressed);

    public void Dispose() => Disposed = true;

    private sealed class Output(FakeGpioChip chip) : IGpioOutputLine
    {
        public void Set(bool active) => chip.LedChanges.Add((chip.GetTime(), active));
        public void Dispose() { }
    }

    private sealed class Input(FakeGpioChip chip) : IGpioInputLine
    {
        public ValueTask<bool> ReadEdgeAsync(CancellationToken cancellationToken) => chip._edges.Reader.ReadAsync(cancellationToken);
        public void Dispose() { }
    }

    private DateTimeOffset GetTime() => time.GetUtcNow();
}
