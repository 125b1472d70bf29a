using System.Buffers.Binary;
using System.Text;

namespace Gateway.Daemon.Discovery;

/// <summary>Writes mDNS responses (names uncompressed: an advertisement this small fits a packet anyway).</summary>
public static class DnsResponseWriter
{
    private const ushort AuthoritativeResponse = 0x8400;
    private const ushort ClassIn = 1;
    private const ushort CacheFlush = 0x8000;

    /// <param name="id">The query's id for a legacy unicast answer, 0 for multicast.</param>
    /// <param name="echoedQuestions">Legacy unicast answers repeat the questions, as a unicast DNS server would.</param>
    /// <param name="legacyUnicast">Legacy unicast answers cap TTLs at 10 s and carry no cache-flush bits.</param>
    public static byte[] Write(ushort id, IReadOnlyList<DnsQuestion> echoedQuestions, IReadOnlyList<DnsRecord> answers,
        IReadOnlyList<DnsRecord> additionals, bool legacyUnicast)
    {
        var packet = new List<byte>(512);
        WriteUInt16(packet, id);
        WriteUInt16(packet, AuthoritativeResponse);
        WriteUInt16(packet, (ushort)echoedQuestions.Count);
        WriteUInt16(packet, (ushort)answers.Count);
        WriteUInt16(packet, 0);
        WriteUInt16(packet, (ushort)additionals.Count);
        foreach (var question in echoedQuestions)
        {
            WriteName(packet, question.Name);
            WriteUInt16(packet, (ushort)question.Type);
            WriteUInt16(packet, ClassIn);
        }
        foreach (var record in answers.Concat(additionals)) WriteRecord(packet, record, legacyUnicast);
        return [.. packet];
    }

    private static void WriteRecord(List<byte> packet, DnsRecord record, bool legacyUnicast)
    {
        WriteName(packet, record.Name);
        WriteUInt16(packet, (ushort)record.Type);
        WriteUInt16(packet, (ushort)(record.Unique && !legacyUnicast ? ClassIn | CacheFlush : ClassIn));
        var ttl = (uint)record.Ttl.TotalSeconds;
        WriteUInt32(packet, legacyUnicast ? Math.Min(ttl, 10) : ttl);
        var data = RecordData(record);
        WriteUInt16(packet, (ushort)data.Count);
        packet.AddRange(data);
    }

    private static List<byte> RecordData(DnsRecord record)
    {
        var data = new List<byte>();
        switch (record.Type)
        {
            case DnsRecordType.Ptr:
                WriteName(data, record.Target!);
                break;
            case DnsRecordType.Srv:
                WriteUInt16(data, 0); // priority
                WriteUInt16(data, 0); // weight
                WriteUInt16(data, record.Port);
                WriteName(data, record.Target!);
                break;
            case DnsRecordType.Txt:
                foreach (var text in record.Texts)
                {
                    var bytes = Encoding.UTF8.GetBytes(text);
                    data.Add((byte)Math.Min(bytes.Length, 255));
                    data.AddRange(bytes.Take(255));
                }
                if (record.Texts.Count == 0) data.Add(0);
                break;
            case DnsRecordType.A:
            case DnsRecordType.Aaaa:
                data.AddRange(record.Address!.GetAddressBytes());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(record), record.Type, "not a type this responder writes");
        }
        return data;
    }

    private static void WriteName(List<byte> packet, string name)
    {
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bytes = Encoding.UTF8.GetBytes(label);
            packet.Add((byte)Math.Min(bytes.Length, 63));
            packet.AddRange(bytes.Take(63));
        }
        packet.Add(0);
    }

    private static void WriteUInt16(List<byte> packet, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        packet.AddRange(bytes);
    }

    private static void WriteUInt32(List<byte> packet, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        packet.AddRange(bytes);
    }
}
