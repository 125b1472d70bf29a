using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave.Simulator.Nodes;

/// <summary>A battery multisensor: temperature (°C, 1 decimal), humidity, luminance (lux), motion (Home Security notification), battery.</summary>
public sealed class SimulatedMultisensor(byte nodeId) : SimulatedZWaveNode(nodeId, false, 0x21, 0x01,
    [CommandClassId.SensorMultilevel, CommandClassId.Notification, CommandClassId.Battery, CommandClassId.WakeUp, CommandClassId.ManufacturerSpecific, CommandClassId.Version])
{
    public double Temperature { get; private set; } = 20.5;
    public double Humidity { get; private set; } = 45;
    public double Lux { get; private set; } = 120;

    protected override IReadOnlyList<byte[]> Handle(byte[] payload) => (payload[0], payload[1]) switch
    {
        (CommandClassId.SensorMultilevel, SensorMultilevelCommandClass.GetCommand) => [TemperatureReport()],
        (CommandClassId.Notification, NotificationCommandClass.SupportedGetCommand) => [NotificationCommandClass.SupportedReport(NotificationCommandClass.HomeSecurity)],
        _ => [],
    };

    private byte[] TemperatureReport() => SensorMultilevelCommandClass.Report(SensorMultilevelCommandClass.AirTemperature, Temperature, 0, 1);

    public void SetTemperature(double celsius)
    {
        Temperature = celsius;
        Report(TemperatureReport());
    }

    public void SetHumidity(double percent)
    {
        Humidity = percent;
        Report(SensorMultilevelCommandClass.Report(SensorMultilevelCommandClass.Humidity, percent, 0, 0));
    }

    public void SetLux(double lux)
    {
        Lux = lux;
        Report(SensorMultilevelCommandClass.Report(SensorMultilevelCommandClass.Illuminance, lux, 1, 0));
    }

    public void SetMotion(bool motion) => Report(motion
        ? NotificationCommandClass.Report(NotificationCommandClass.HomeSecurity, NotificationCommandClass.MotionDetectedUnknownLocation)
        : NotificationCommandClass.Report(NotificationCommandClass.HomeSecurity, NotificationCommandClass.Idle, NotificationCommandClass.MotionDetectedUnknownLocation));
}
