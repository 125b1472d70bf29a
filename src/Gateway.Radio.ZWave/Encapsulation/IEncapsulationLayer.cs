namespace Gateway.Radio.ZWave.Encapsulation;

/// <summary>
/// One wrapping of command class payloads on their way to and from a node. Layers stack (Multi Channel today; a
/// security layer later), so command classes never know how they travel.
/// </summary>
public interface IEncapsulationLayer
{
    /// <summary>Wraps an outgoing command; returns it as it is when the layer does not apply.</summary>
    EncapsulatedCommand Wrap(EncapsulatedCommand command);

    /// <summary>Unwraps an incoming command; returns it as it is when it is not this layer's; null when it is malformed.</summary>
    EncapsulatedCommand? Unwrap(EncapsulatedCommand command);
}
