using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave.Simulator.Nodes;

/// <summary>A battery door/window sensor: Access Control notifications (open 0x16, closed 0x17) and battery.</summary>
public sealed class SimulatedDoorSensor(byte nodeId) : SimulatedZWaveNode(nodeId, false, 0x07, 0x01,
    [CommandClassId.Notification, CommandClassId.Battery, CommandClassId.WakeUp, CommandClassId.ManufacturerSpecific, CommandClassId.Version])
{
    public bool Open { get; private set; }

    protected override IReadOnlyList<byte[]> Handle(byte[] payload) => (payload[0], payload[1]) switch
    {
        (CommandClassId.Notification, NotificationCommandClass.SupportedGetCommand) => [NotificationCommandClass.SupportedReport(NotificationCommandClass.AccessControl)],
        _ => [],
    };

    public void SetOpen(bool open)
    {
        Open = open;
        Report(NotificationCommandClass.Report(NotificationCommandClass.AccessControl, open ? NotificationCommandClass.WindowDoorOpen : NotificationCommandClass.WindowDoorClosed));
    }
}
