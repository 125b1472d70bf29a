using Gateway.Core.Model;

namespace Gateway.Radio.Simulated.Devices;

/// <summary>
/// A motorised position 0-100 that moves at the home's travel speed, reporting itself every step; shared by covers
/// (closure) and awnings (deployment).
/// </summary>
public sealed class Travel(string positionState, int start)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);
    private readonly Lock _gate = new();
    private double _position = start;

    public int Position
    {
        get { lock (_gate) return (int)Math.Round(_position); }
    }

    /// <summary>Puts the motor at <paramref name="position"/> (0-100) without moving, e.g. where it was before a restart.</summary>
    public void Set(int position)
    {
        lock (_gate) _position = Math.Clamp(position, 0, 100);
    }

    /// <summary>
    /// Moves to <paramref name="target"/>; interrupted or arrived, the motor stops where it is and
    /// <paramref name="stopped"/> gives the states to report then.
    /// </summary>
    public async Task MoveAsync(string address, int target, SimulationContext context, Func<int, DeviceState[]> stopped, CancellationToken cancellationToken)
    {
        var speed = 100.0 / Math.Max(0.01, context.Options.TravelSeconds) * Step.TotalSeconds;
        context.Report(address, DeviceState.Of("core:TargetClosureState", target), DeviceState.Of("core:MovingState", true));
        try
        {
            while (Position != target)
            {
                await Task.Delay(Step, context.Time, cancellationToken);
                int now;
                lock (_gate)
                {
                    _position = _position < target ? Math.Min(target, _position + speed) : Math.Max(target, _position - speed);
                    now = (int)Math.Round(_position);
                }
                context.Report(address, DeviceState.Of(positionState, now));
            }
        }
        finally
        {
            var final = Position;
            context.Report(address, [DeviceState.Of(positionState, final), .. stopped(final), DeviceState.Of("core:MovingState", false)]);
        }
    }
}
