using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>
/// One typed ZCL value. Integers, bitmaps, enums, booleans and identifiers are held in <see cref="Integer"/>
/// (unsigned 64-bit values bit for bit), floats in <see cref="Real"/>, strings and keys in <see cref="Octets"/>;
/// arrays, sets, bags and structures are validated and kept as their raw encoded body in <see cref="Octets"/>.
/// </summary>
public sealed class ZclValue : IEquatable<ZclValue>
{
    private const int MaxNesting = 4;

    private ZclValue(ZclDataType type, long integer, double real, byte[]? octets)
    {
        Type = type;
        Integer = integer;
        Real = real;
        Octets = octets;
    }

    public ZclDataType Type { get; }
    public long Integer { get; }
    public double Real { get; }
    public byte[]? Octets { get; }

    public static ZclValue Of(ZclDataType type, long integer)
    {
        if (!ZclDataTypes.IsInteger(type)) throw new ArgumentException($"{type} is not an integer type", nameof(type));
        return new(type, integer, 0, null);
    }

    public static ZclValue Boolean(bool value) => new(ZclDataType.Bool, value ? 1 : 0, 0, null);
    public static ZclValue UInt8(byte value) => new(ZclDataType.UInt8, value, 0, null);
    public static ZclValue UInt16(ushort value) => new(ZclDataType.UInt16, value, 0, null);
    public static ZclValue UInt24(uint value) => new(ZclDataType.UInt24, value & 0xFFFFFF, 0, null);
    public static ZclValue UInt32(uint value) => new(ZclDataType.UInt32, value, 0, null);
    public static ZclValue UInt48(ulong value) => new(ZclDataType.UInt48, (long)(value & 0xFFFF_FFFF_FFFF), 0, null);
    public static ZclValue Int8(sbyte value) => new(ZclDataType.Int8, value, 0, null);
    public static ZclValue Int16(short value) => new(ZclDataType.Int16, value, 0, null);
    public static ZclValue Int24(int value) => new(ZclDataType.Int24, Math.Clamp(value, -0x800000, 0x7FFFFF), 0, null);
    public static ZclValue Int32(int value) => new(ZclDataType.Int32, value, 0, null);
    public static ZclValue Enum8(byte value) => new(ZclDataType.Enum8, value, 0, null);
    public static ZclValue Enum16(ushort value) => new(ZclDataType.Enum16, value, 0, null);
    public static ZclValue Map8(byte value) => new(ZclDataType.Map8, value, 0, null);
    public static ZclValue Map16(ushort value) => new(ZclDataType.Map16, value, 0, null);
    public static ZclValue Single(float value) => new(ZclDataType.SingleFloat, 0, value, null);
    public static ZclValue CharString(string value) => new(ZclDataType.CharString, 0, 0, Encoding.UTF8.GetBytes(value));
    public static ZclValue OctetString(byte[] value) => new(ZclDataType.OctetString, 0, 0, [.. value]);

    public bool AsBool() => Integer != 0;

    /// <summary>The value as a number whatever its numeric type.</summary>
    public double AsDouble() => ZclDataTypes.IsFloat(Type) ? Real : Integer;

    /// <summary>A character string's text, without the NUL padding some devices send.</summary>
    public string AsString() => Octets is null ? "" : Encoding.UTF8.GetString(Octets).TrimEnd('\0');

    /// <summary>Reads a value of <paramref name="type"/> at <paramref name="offset"/>; false on truncation or an unknown type.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, ref int offset, ZclDataType type, [NotNullWhen(true)] out ZclValue? value) =>
        TryRead(data, ref offset, type, 0, out value);

    private static bool TryRead(ReadOnlySpan<byte> data, ref int offset, ZclDataType type, int depth, [NotNullWhen(true)] out ZclValue? value)
    {
        value = null;
        if (offset < 0 || offset > data.Length) return false;
        if (ZclDataTypes.FixedLength(type) is { } length)
        {
            if (data.Length - offset < length) return false;
            var bytes = data.Slice(offset, length);
            offset += length;
            value = type switch
            {
                ZclDataType.SemiFloat => new(type, 0, (double)BitConverter.UInt16BitsToHalf((ushort)(bytes[0] | bytes[1] << 8)), null),
                ZclDataType.SingleFloat => new(type, 0, BitConverter.Int32BitsToSingle((int)LittleEndian(bytes)), null),
                ZclDataType.DoubleFloat => new(type, 0, BitConverter.Int64BitsToDouble((long)LittleEndian(bytes)), null),
                ZclDataType.Key128 => new(type, 0, 0, bytes.ToArray()),
                _ => new(type, ZclDataTypes.IsSignedInteger(type) ? SignExtend(LittleEndian(bytes), length) : (long)LittleEndian(bytes), 0, null),
            };
            return true;
        }
        var start = offset;
        switch (type)
        {
            case ZclDataType.OctetString or ZclDataType.CharString:
            {
                if (!ZclBytes.TryReadByte(data, ref offset, out var count)) return false;
                var size = count == 0xFF ? 0 : count; // 0xFF is the "invalid value" string: no octets follow
                if (data.Length - offset < size) return false;
                value = new(type, 0, 0, data.Slice(offset, size).ToArray());
                offset += size;
                return true;
            }
            case ZclDataType.LongOctetString or ZclDataType.LongCharString:
            {
                if (!ZclBytes.TryReadUInt16(data, ref offset, out var count)) return false;
                var size = count == 0xFFFF ? 0 : count;
                if (data.Length - offset < size) return false;
                value = new(type, 0, 0, data.Slice(offset, size).ToArray());
                offset += size;
                return true;
            }
            case ZclDataType.Array or ZclDataType.Set or ZclDataType.Bag:
            {
                if (depth >= MaxNesting) return false;
                if (!ZclBytes.TryReadByte(data, ref offset, out var elementType)) return false;
                if (!ZclBytes.TryReadUInt16(data, ref offset, out var count)) return false;
                if (count == 0xFFFF) count = 0;
                if (ZclDataTypes.FixedLength((ZclDataType)elementType) is { } size)
                {
                    // Fixed-size elements are skipped at once, so a long array of empty elements costs nothing.
                    if ((long)count * size > data.Length - offset) return false;
                    offset += count * size;
                }
                else
                {
                    for (var i = 0; i < count; i++)
                        if (!TryRead(data, ref offset, (ZclDataType)elementType, depth + 1, out _)) return false;
                }
                value = new(type, 0, 0, data[start..offset].ToArray());
                return true;
            }
            case ZclDataType.Struct:
            {
                if (depth >= MaxNesting) return false;
                if (!ZclBytes.TryReadUInt16(data, ref offset, out var count)) return false;
                if (count == 0xFFFF) count = 0;
                for (var i = 0; i < count; i++)
                {
                    if (!ZclBytes.TryReadByte(data, ref offset, out var elementType)) return false;
                    if (!TryRead(data, ref offset, (ZclDataType)elementType, depth + 1, out _)) return false;
                }
                value = new(type, 0, 0, data[start..offset].ToArray());
                return true;
            }
            default:
                return false;
        }
    }

    public void WriteTo(List<byte> output)
    {
        if (ZclDataTypes.FixedLength(Type) is { } length)
        {
            switch (Type)
            {
                case ZclDataType.SemiFloat: ZclBytes.WriteUInt16(output, BitConverter.HalfToUInt16Bits((Half)Real)); break;
                case ZclDataType.SingleFloat: ZclBytes.WriteLittleEndian(output, (uint)BitConverter.SingleToInt32Bits((float)Real), 4); break;
                case ZclDataType.DoubleFloat: ZclBytes.WriteLittleEndian(output, (ulong)BitConverter.DoubleToInt64Bits(Real), 8); break;
                case ZclDataType.Key128: output.AddRange(Octets ?? new byte[16]); break;
                default: ZclBytes.WriteLittleEndian(output, (ulong)Integer, length); break;
            }
            return;
        }
        var octets = Octets ?? [];
        switch (Type)
        {
            case ZclDataType.OctetString or ZclDataType.CharString:
                var shortLength = Math.Min(octets.Length, 0xFE);
                output.Add((byte)shortLength);
                output.AddRange(octets.AsSpan(0, shortLength));
                break;
            case ZclDataType.LongOctetString or ZclDataType.LongCharString:
                var longLength = Math.Min(octets.Length, 0xFFFE);
                ZclBytes.WriteUInt16(output, (ushort)longLength);
                output.AddRange(octets.AsSpan(0, longLength));
                break;
            default:
                output.AddRange(octets); // collections keep their encoded body
                break;
        }
    }

    public byte[] ToBytes()
    {
        var output = new List<byte>();
        WriteTo(output);
        return [.. output];
    }

    public bool Equals(ZclValue? other) =>
        other is not null
            && Type == other.Type
            && Integer == other.Integer
            && Real.Equals(other.Real)
            && (Octets ?? []).AsSpan().SequenceEqual(other.Octets ?? []);

    public override bool Equals(object? obj) => Equals(obj as ZclValue);

    public override int GetHashCode() => HashCode.Combine(Type, Integer, Real, Octets?.Length ?? -1);

    public override string ToString() => Type switch
    {
        ZclDataType.CharString or ZclDataType.LongCharString => $"{Type}:\"{AsString()}\"",
        _ when Octets is not null => $"{Type}:{Convert.ToHexString(Octets)}",
        _ when ZclDataTypes.IsFloat(Type) => $"{Type}:{Real}",
        _ => $"{Type}:{Integer}",
    };

    private static ulong LittleEndian(ReadOnlySpan<byte> bytes)
    {
        ulong result = 0;
        for (var i = bytes.Length - 1; i >= 0; i--) result = result << 8 | bytes[i];
        return result;
    }

    private static long SignExtend(ulong raw, int length)
    {
        var shift = 64 - 8 * length;
        return (long)(raw << shift) >> shift;
    }
}
