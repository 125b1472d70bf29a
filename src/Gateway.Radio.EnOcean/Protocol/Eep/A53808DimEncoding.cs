namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>How <see cref="A53808.Dimming"/> writes the dim value: the specification and the actuators in the field differ.</summary>
public enum A53808DimEncoding
{
    /// <summary>DB2 = percent 0..100, DB0.2 (EDIM R) = 0. What Eltako dimmers (FUD14, FUD61, ...) expect; the default.</summary>
    AbsolutePercent = 0,
    /// <summary>DB2 = percent scaled to 0..255, DB0.2 = 0 ("absolute value" as the EEP specification defines it).</summary>
    Absolute255 = 1,
    /// <summary>DB2 = percent 0..100, DB0.2 = 1 ("relative value" as the EEP specification defines it).</summary>
    RelativePercent = 2,
}
