using Gateway.Core.Model;
using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Devices;

/// <summary>The Overkiz states of an io cover from the positions its node reports.</summary>
public static class IoStates
{
    public const string TargetClosure = "core:TargetClosureState";
    public const string Moving = "core:MovingState";
    public const string Deployment = "core:DeploymentState";
    public const string Name = "core:NameState";

    public static IReadOnlyList<DeviceState> Positions(IoDeviceKind kind, ushort current, ushort target, byte operatingState)
    {
        var states = new List<DeviceState>();
        if (IoParameter.TryToClosure(current, out var closure))
        {
            if (kind.Deploys)
            {
                states.Add(DeviceState.Of(Deployment, 100 - closure));
                states.Add(DeviceState.Of(CoreStateNames.OpenClosed, closure == 100 ? "closed" : "open"));
            }
            else
            {
                states.Add(DeviceState.Of(CoreStateNames.Closure, closure));
                states.Add(DeviceState.Of(CoreStateNames.OpenClosed, closure == 100 ? "closed" : "open"));
            }
        }
        if (IoParameter.TryToClosure(target, out var targetClosure)) states.Add(DeviceState.Of(TargetClosure, targetClosure));
        states.Add(DeviceState.Of(Moving, operatingState == NodeOperatingState.Executing));
        return states;
    }
}
