using Gateway.Core.Model;
using Gateway.Core.Radio;

namespace Gateway.Radio.Simulated.Devices;

/// <summary>A horizontal awning: deployment 0 is rolled up, 100 fully out.</summary>
public sealed class SimulatedAwning(string address, string label) : SimulatedDevice(address, "io:HorizontalAwningIOComponent", label)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);
    private double _deployment;

    private int Deployment => (int)Math.Round(Volatile.Read(ref _deployment));

    protected override IEnumerable<DeviceState> OwnStates() =>
    [
        DeviceState.Of("core:DeploymentState", Deployment),
        DeviceState.Of("core:TargetClosureState", Deployment),
        DeviceState.Of("core:OpenClosedState", "closed"),
        DeviceState.Of("core:MovingState", false),
    ];

    public override Task ExecuteAsync(RadioCommand command, SimulationContext context, CancellationToken cancellationToken) => command.Name switch
    {
        "deploy" => MoveAsync(100, context, cancellationToken),
        "undeploy" => MoveAsync(0, context, cancellationToken),
        "setDeployment" or "setPosition" => MoveAsync(IntParameter(command, 0), context, cancellationToken),
        "setClosure" => MoveAsync(100 - IntParameter(command, 0), context, cancellationToken),
        "my" => MoveAsync(50, context, cancellationToken),
        "stop" => Done(context, DeviceState.Of("core:MovingState", false)),
        "identify" or "wink" or "getName" => Done(context),
        "setName" => Done(context, DeviceState.Of("core:NameState", command.Parameters[0].GetString() ?? Label)),
        _ => throw Unknown(command),
    };

    private async Task MoveAsync(int target, SimulationContext context, CancellationToken cancellationToken)
    {
        var speed = 100.0 / Math.Max(0.01, context.Options.TravelSeconds) * Step.TotalSeconds;
        context.Report(Address, DeviceState.Of("core:TargetClosureState", target), DeviceState.Of("core:MovingState", true));
        try
        {
            while (Deployment != target)
            {
                await Task.Delay(Step, context.Time, cancellationToken);
                var current = Volatile.Read(ref _deployment);
                Volatile.Write(ref _deployment, current < target ? Math.Min(target, current + speed) : Math.Max(target, current - speed));
                context.Report(Address, DeviceState.Of("core:DeploymentState", Deployment));
            }
        }
        finally
        {
            context.Report(Address,
                DeviceState.Of("core:DeploymentState", Deployment),
                DeviceState.Of("core:OpenClosedState", Deployment == 0 ? "closed" : "open"),
                DeviceState.Of("core:MovingState", false));
        }
    }
}
