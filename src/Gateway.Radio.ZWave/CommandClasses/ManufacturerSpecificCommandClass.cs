using System.Buffers.Binary;

namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>Manufacturer Specific (0x72): Get 0x04, Report 0x05 manufacturer id, product type, product id (16 bits each).</summary>
public static class ManufacturerSpecificCommandClass
{
    public const byte GetCommand = 0x04, ReportCommand = 0x05;

    public static byte[] Get() => CommandClassFrame.Of(CommandClassId.ManufacturerSpecific, GetCommand);

    public static byte[] Report(ushort manufacturerId, ushort productType, ushort productId)
    {
        var parameters = new byte[6];
        BinaryPrimitives.WriteUInt16BigEndian(parameters, manufacturerId);
        BinaryPrimitives.WriteUInt16BigEndian(parameters.AsSpan(2), productType);
        BinaryPrimitives.WriteUInt16BigEndian(parameters.AsSpan(4), productId);
        return CommandClassFrame.Of(CommandClassId.ManufacturerSpecific, ReportCommand, parameters);
    }
}
