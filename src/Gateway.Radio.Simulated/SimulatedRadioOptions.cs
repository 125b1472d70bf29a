namespace Gateway.Radio.Simulated;

/// <summary>Configuration section <c>Gateway:Radios:Simulated</c>.</summary>
public sealed class SimulatedRadioOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Number of devices (the pod aside); above the 12 of the standard home, more of the same kinds are added.</summary>
    public int HomeSize { get; set; } = 12;

    /// <summary>Seconds a shutter takes from fully open to fully closed.</summary>
    public double TravelSeconds { get; set; } = 8;

    /// <summary>Mean seconds between two spontaneous sensor reports.</summary>
    public double SensorIntervalSeconds { get; set; } = 30;

    /// <summary>Seed of the random behaviour, so a run can be replayed.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Addresses that do not answer from the start.</summary>
    public List<string> Unreachable { get; set; } = [];
}
