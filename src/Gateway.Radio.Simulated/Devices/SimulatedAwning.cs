using Gateway.Core.Model;
using Gateway.Core.Radio;

namespace Gateway.Radio.Simulated.Devices;

/// <summary>A horizontal awning: deployment 0 is rolled up, 100 fully out.</summary>
public sealed class SimulatedAwning(string address, string label) : SimulatedDevice(address, "io:HorizontalAwningIOComponent", label)
{
    private readonly Travel _travel = new("core:DeploymentState", 0);

    private int Deployment => _travel.Position;

    protected override IEnumerable<DeviceState> OwnStates() =>
    [
        DeviceState.Of("core:DeploymentState", Deployment),
        DeviceState.Of("core:TargetClosureState", Deployment),
        DeviceState.Of("core:OpenClosedState", Deployment == 0 ? "closed" : "open"),
        DeviceState.Of("core:MovingState", false),
    ];

    public override void Observe(IReadOnlyList<DeviceState> states)
    {
        if (IntState(states, "core:DeploymentState") is { } deployment) _travel.Set(deployment);
    }

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

    private Task MoveAsync(int target, SimulationContext context, CancellationToken cancellationToken) =>
        _travel.MoveAsync(Address, target, context, final => [DeviceState.Of("core:OpenClosedState", final == 0 ? "closed" : "open")], cancellationToken);
}
