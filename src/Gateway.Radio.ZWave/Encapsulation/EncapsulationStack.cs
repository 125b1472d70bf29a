namespace Gateway.Radio.ZWave.Encapsulation;

/// <summary>The layers in order from the command class outwards: wrapping runs them in order, unwrapping in reverse.</summary>
public sealed class EncapsulationStack(IReadOnlyList<IEncapsulationLayer> layers)
{
    public static EncapsulationStack Default() => new([new MultiChannelLayer(), new SecurityLayer()]);

    public EncapsulatedCommand Wrap(EncapsulatedCommand command)
    {
        foreach (var layer in layers) command = layer.Wrap(command);
        return command;
    }

    public EncapsulatedCommand? Unwrap(EncapsulatedCommand command)
    {
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            if (layers[i].Unwrap(command) is not { } inner) return null;
            command = inner;
        }
        return command;
    }
}
