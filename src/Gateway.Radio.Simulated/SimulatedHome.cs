using Gateway.Core.Model;
using Gateway.Radio.Simulated.Devices;

namespace Gateway.Radio.Simulated;

/// <summary>The devices of the simulated home: a standard house of 12, then more of the same kinds up to the size asked.</summary>
public static class SimulatedHome
{
    private const int FirstAddress = 1_100_001;

    public static IReadOnlyList<SimulatedDevice> Build(int size)
    {
        var devices = new List<SimulatedDevice>();
        var next = FirstAddress;
        string Address() => (next++).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var round = 0;
        while (devices.Count < size)
        {
            var suffix = round == 0 ? "" : $" {round + 1}";
            foreach (var make in Kinds)
            {
                if (devices.Count >= size) break;
                devices.AddRange(make(Address(), suffix));
            }
            round++;
        }
        return devices.Take(size).ToList();
    }

    private static readonly Func<string, string, IEnumerable<SimulatedDevice>>[] Kinds =
    [
        (a, s) => [new SimulatedCover(a, "io:RollerShutterGenericIOComponent", "Living room shutter" + s, 0)],
        (a, s) => [new SimulatedCover(a, "io:RollerShutterGenericIOComponent", "Bedroom shutter" + s, 100)],
        (a, s) => [new SimulatedVenetianBlind(a, "Kitchen blind" + s)],
        (a, s) => [new SimulatedAwning(a, "Terrace awning" + s)],
        (a, s) => [new SimulatedLight(a, "Hall light" + s, dimmable: false)],
        (a, s) => [new SimulatedLight(a, "Living room lamp" + s, dimmable: true)],
        (a, s) => [new SimulatedPlug(a, "Washing machine plug" + s, loadWatts: 450)],
        // One physical thermo-hygrometer, shown as two subsystems as Overkiz does.
        (a, s) =>
        [
            new SimulatedSensor(a + "#1", "io:TemperatureIOSystemSensor", "Living room temperature" + s,
                DeviceState.Of("core:TemperatureState", 21.0), Drift(16, 28, 0.2), "refreshTemperature"),
            new SimulatedSensor(a + "#2", "io:RelativeHumidityIOSystemDeviceSensor", "Living room humidity" + s,
                DeviceState.Of("core:RelativeHumidityState", 45.0), Drift(30, 70, 1.0), "refreshRelativeHumidity"),
        ],
        (a, s) => [new SimulatedSensor(a, "io:SomfyContactIOSystemSensor", "Front door" + s,
            DeviceState.Of("core:ContactState", "closed"), Flip("open", "closed", 0.3), "checkEventTrigger")],
        (a, s) => [new SimulatedSensor(a, "io:SomfyOccupancyIOSystemSensor", "Hall motion" + s,
            DeviceState.Of("core:OccupancyState", "noPersonInside"), Flip("personInside", "noPersonInside", 0.5), "checkEventTrigger")],
        (a, s) => [new SimulatedSensor(a, "io:SomfySmokeIOSystemSensor", "Kitchen smoke detector" + s,
            DeviceState.Of("core:SmokeState", "notDetected"), Flip("detected", "notDetected", 0.0), "checkEventTrigger")],
    ];

    private static Func<DeviceState, SimulationContext, DeviceState> Drift(double min, double max, double step) => (current, context) =>
    {
        var value = current.Value.GetDouble() + (context.NextDouble() * 2 - 1) * step;
        return DeviceState.Of(current.Name, Math.Round(Math.Clamp(value, min, max), 1));
    };

    /// <summary>Switches to <paramref name="active"/> with the given probability, otherwise rests at <paramref name="idle"/>.</summary>
    private static Func<DeviceState, SimulationContext, DeviceState> Flip(string active, string idle, double probability) => (current, context) =>
        DeviceState.Of(current.Name, context.NextDouble() < probability ? active : idle);
}
