namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>Facts about data types: fixed length, signedness, analog or discrete (ZCL spec §2.6.2).</summary>
public static class ZclDataTypes
{
    /// <summary>The encoded length of a fixed-length type, or null for strings, collections and unknown types.</summary>
    public static int? FixedLength(ZclDataType type) => type switch
    {
        ZclDataType.NoData => 0,
        >= ZclDataType.Data8 and <= ZclDataType.Data64 => type - ZclDataType.Data8 + 1,
        ZclDataType.Bool => 1,
        >= ZclDataType.Map8 and <= ZclDataType.Map64 => type - ZclDataType.Map8 + 1,
        >= ZclDataType.UInt8 and <= ZclDataType.UInt64 => type - ZclDataType.UInt8 + 1,
        >= ZclDataType.Int8 and <= ZclDataType.Int64 => type - ZclDataType.Int8 + 1,
        ZclDataType.Enum8 => 1,
        ZclDataType.Enum16 => 2,
        ZclDataType.SemiFloat => 2,
        ZclDataType.SingleFloat => 4,
        ZclDataType.DoubleFloat => 8,
        ZclDataType.TimeOfDay or ZclDataType.Date or ZclDataType.UtcTime => 4,
        ZclDataType.ClusterId or ZclDataType.AttributeId => 2,
        ZclDataType.BacnetOid => 4,
        ZclDataType.Ieee => 8,
        ZclDataType.Key128 => 16,
        _ => null,
    };

    public static bool IsSignedInteger(ZclDataType type) => type is >= ZclDataType.Int8 and <= ZclDataType.Int64;

    public static bool IsFloat(ZclDataType type) => type is ZclDataType.SemiFloat or ZclDataType.SingleFloat or ZclDataType.DoubleFloat;

    /// <summary>Analog types carry a reportable change in configure reporting (ZCL spec §2.5.7.1.7).</summary>
    public static bool IsAnalog(ZclDataType type) =>
        type is >= ZclDataType.UInt8 and <= ZclDataType.Int64
            || IsFloat(type)
            || type is ZclDataType.TimeOfDay or ZclDataType.Date or ZclDataType.UtcTime;

    /// <summary>Types whose value is held as a number in <see cref="ZclValue.Integer"/>.</summary>
    public static bool IsInteger(ZclDataType type) => FixedLength(type) is > 0 and <= 8 && !IsFloat(type);

    public static bool IsKnown(ZclDataType type) =>
        FixedLength(type) is not null
            || type is ZclDataType.OctetString or ZclDataType.CharString or ZclDataType.LongOctetString or ZclDataType.LongCharString
                or ZclDataType.Array or ZclDataType.Struct or ZclDataType.Set or ZclDataType.Bag;
}
