using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave.Simulator.Nodes;

/// <summary>A Multilevel Switch node (a dimmer or a shutter module): Set, Get, start/stop level change; it reaches a level at once.</summary>
public abstract class SimulatedMultilevelNode(byte nodeId, byte specific) : SimulatedZWaveNode(nodeId, true, 0x11, specific,
    [CommandClassId.SwitchMultilevel, CommandClassId.ManufacturerSpecific, CommandClassId.Version, CommandClassId.Basic])
{
    private byte _lastOn = 99;

    /// <summary>The level 0…99.</summary>
    public byte Level { get; private set; }

    /// <summary>Set with a level change under way: up (true), down (false), or none.</summary>
    public bool? Moving { get; private set; }

    protected override IReadOnlyList<byte[]> Handle(byte[] payload)
    {
        switch (payload[0], payload[1])
        {
            case (CommandClassId.SwitchMultilevel or CommandClassId.Basic, SwitchMultilevelCommandClass.SetCommand) when payload.Length >= 3:
                var level = payload[2] == SwitchMultilevelCommandClass.LastLevel ? _lastOn : Math.Min(payload[2], SwitchMultilevelCommandClass.MaxLevel);
                if (level > 0) _lastOn = level;
                Level = level;
                Moving = null;
                return [];
            case (CommandClassId.SwitchMultilevel, SwitchMultilevelCommandClass.GetCommand):
                return [SwitchMultilevelCommandClass.Report(Level)];
            case (CommandClassId.SwitchMultilevel, SwitchMultilevelCommandClass.StartLevelChangeCommand) when payload.Length >= 3:
                Moving = (payload[2] & 0x40) == 0;
                return [];
            case (CommandClassId.SwitchMultilevel, SwitchMultilevelCommandClass.StopLevelChangeCommand):
                Moving = null;
                return [];
            default:
                return [];
        }
    }
}
