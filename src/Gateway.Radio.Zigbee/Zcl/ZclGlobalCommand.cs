namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>Profile-wide (global) command identifiers (ZCL spec §2.5, table 2-3).</summary>
public static class ZclGlobalCommand
{
    public const byte ReadAttributes = 0x00;
    public const byte ReadAttributesResponse = 0x01;
    public const byte WriteAttributes = 0x02;
    public const byte WriteAttributesUndivided = 0x03;
    public const byte WriteAttributesResponse = 0x04;
    public const byte WriteAttributesNoResponse = 0x05;
    public const byte ConfigureReporting = 0x06;
    public const byte ConfigureReportingResponse = 0x07;
    public const byte ReadReportingConfiguration = 0x08;
    public const byte ReadReportingConfigurationResponse = 0x09;
    public const byte ReportAttributes = 0x0A;
    public const byte DefaultResponse = 0x0B;
    public const byte DiscoverAttributes = 0x0C;
    public const byte DiscoverAttributesResponse = 0x0D;
}
