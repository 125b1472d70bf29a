using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave.Simulator.Nodes;

/// <summary>A battery wall remote with scene buttons: Central Scene notifications, each with the next sequence number.</summary>
public sealed class SimulatedSceneController(byte nodeId, byte scenes = 4) : SimulatedZWaveNode(nodeId, false, 0x18, 0x01,
    [CommandClassId.CentralScene, CommandClassId.Battery, CommandClassId.WakeUp, CommandClassId.Association, CommandClassId.ManufacturerSpecific, CommandClassId.Version])
{
    private byte _sequence;

    protected override IReadOnlyList<byte[]> Handle(byte[] payload) => (payload[0], payload[1]) switch
    {
        (CommandClassId.CentralScene, CentralSceneCommandClass.SupportedGetCommand) => [CentralSceneCommandClass.SupportedReport(scenes)],
        _ => [],
    };

    /// <summary>A button is pressed (or held, released …); <paramref name="repeat"/> sends the same notification twice, as a node does that missed an ACK.</summary>
    public void Press(byte scene, byte keyAttribute = CentralSceneCommandClass.KeyPressed, bool repeat = false)
    {
        _sequence++;
        var notification = CentralSceneCommandClass.Notification(_sequence, keyAttribute, scene);
        Report(notification);
        if (repeat) Report(notification);
    }
}
