namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>Unit of a D2-01 Actuator Measurement Response (DB4 bits 7..5).</summary>
public enum D201MeasurementUnit : byte
{
    EnergyWs = 0,
    EnergyWh = 1,
    EnergyKWh = 2,
    PowerW = 3,
    PowerKW = 4,
}
