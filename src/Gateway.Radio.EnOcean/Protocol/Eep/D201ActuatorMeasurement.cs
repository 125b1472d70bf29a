using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>
/// D2-01 CMD 0x7 "Actuator Measurement Response" (6 bytes). DB5: CMD (bits 3..0); DB4: unit (bits 7..5), I/O channel
/// (bits 4..0); DB3..DB0: measurement value, 32 bits big endian.
/// </summary>
public sealed record D201ActuatorMeasurement(int Channel, D201MeasurementUnit Unit, uint RawValue)
{
    public bool IsEnergy => Unit is D201MeasurementUnit.EnergyWs or D201MeasurementUnit.EnergyWh or D201MeasurementUnit.EnergyKWh;

    /// <summary>The energy in Wh, or null when this is a power measurement.</summary>
    public double? EnergyWh => Unit switch
    {
        D201MeasurementUnit.EnergyWs => RawValue / 3600.0,
        D201MeasurementUnit.EnergyWh => RawValue,
        D201MeasurementUnit.EnergyKWh => RawValue * 1000.0,
        _ => null,
    };

    /// <summary>The power in W, or null when this is an energy measurement.</summary>
    public double? PowerW => Unit switch
    {
        D201MeasurementUnit.PowerW => RawValue,
        D201MeasurementUnit.PowerKW => RawValue * 1000.0,
        _ => null,
    };

    /// <summary>Parses a VLD payload; false unless it is a CMD 0x7 of at least 6 bytes with a defined unit (0..4).</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out D201ActuatorMeasurement? measurement)
    {
        measurement = null;
        if (payload.Length < 6 || (payload[0] & 0x0F) != D201.CmdActuatorMeasurementResponse) return false;
        var unit = payload[1] >> 5;
        if (unit > (int)D201MeasurementUnit.PowerKW) return false;
        measurement = new D201ActuatorMeasurement(payload[1] & 0x1F, (D201MeasurementUnit)unit, BinaryPrimitives.ReadUInt32BigEndian(payload[2..]));
        return true;
    }
}
