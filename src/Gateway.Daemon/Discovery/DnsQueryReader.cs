using System.Buffers.Binary;
using System.Text;

namespace Gateway.Daemon.Discovery;

/// <summary>
/// Reads the questions of an mDNS query. Anything malformed (truncated, a pointer loop, a label past the end) gives
/// null: a responder on a shared network sees all kinds of packets and answers only what it understands.
/// </summary>
public static class DnsQueryReader
{
    private const int HeaderLength = 12;
    private const int MaxNameLength = 255;

    public static DnsQuery? TryRead(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < HeaderLength) return null;
        var flags = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        if ((flags & 0x8000) != 0) return null; // a response, not a query
        if ((flags & 0x7800) != 0) return null; // only standard queries (opcode 0)
        var count = BinaryPrimitives.ReadUInt16BigEndian(packet[4..]);
        var questions = new List<DnsQuestion>(Math.Min((int)count, 16));
        var offset = HeaderLength;
        for (var i = 0; i < count; i++)
        {
            var name = TryReadName(packet, ref offset);
            if (name is null || offset + 4 > packet.Length) return null;
            var type = BinaryPrimitives.ReadUInt16BigEndian(packet[offset..]);
            var klass = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
            offset += 4;
            questions.Add(new DnsQuestion(name, (DnsRecordType)type, (klass & 0x8000) != 0));
        }
        return new DnsQuery(BinaryPrimitives.ReadUInt16BigEndian(packet), questions);
    }

    /// <summary>Reads a possibly compressed name at <paramref name="offset"/>, leaving it just past the name.</summary>
    private static string? TryReadName(ReadOnlySpan<byte> packet, ref int offset)
    {
        var name = new StringBuilder();
        var position = offset;
        var jumped = false;
        for (var jumps = 0; ; )
        {
            if (position >= packet.Length) return null;
            var length = packet[position];
            if (length == 0)
            {
                if (!jumped) offset = position + 1;
                return name.Length == 0 ? "." : name.ToString();
            }
            if ((length & 0xC0) == 0xC0)
            {
                if (position + 1 >= packet.Length || ++jumps > 16) return null;
                if (!jumped) offset = position + 2;
                jumped = true;
                position = ((length & 0x3F) << 8) | packet[position + 1];
                continue;
            }
            if ((length & 0xC0) != 0 || position + 1 + length > packet.Length) return null;
            if (name.Length > 0) name.Append('.');
            name.Append(Encoding.UTF8.GetString(packet.Slice(position + 1, length)));
            if (name.Length > MaxNameLength) return null;
            position += 1 + length;
        }
    }
}
