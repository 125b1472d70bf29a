using Gateway.Core.Model;

namespace Gateway.Radio.Simulated.Devices;

/// <summary>What a simulated device may use: the clock, randomness, and a way to report its states.</summary>
public sealed class SimulationContext(TimeProvider time, Random random, Action<string, IReadOnlyList<DeviceState>> report, SimulatedRadioOptions options)
{
    public TimeProvider Time { get; } = time;
    public SimulatedRadioOptions Options { get; } = options;

    public void Report(string address, params DeviceState[] states) => report(address, states);

    public double NextDouble()
    {
        lock (random) return random.NextDouble();
    }
}
