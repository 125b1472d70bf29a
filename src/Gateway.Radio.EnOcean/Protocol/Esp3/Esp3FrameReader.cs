using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Gateway.Radio.EnOcean.Protocol.Esp3;

/// <summary>
/// Cuts a byte stream from an ESP3 dongle into packets. Incremental: bytes go in with <see cref="Append"/> in chunks
/// of any size, packets come out of <see cref="TryRead"/>. Never throws on any input: garbage is skipped and counted.
/// </summary>
/// <remarks>
/// Resynchronisation: whenever a candidate frame fails (bad header CRC, impossible length, bad data CRC) only its
/// sync byte is dropped and the search for the next 0x55 starts at the following byte, so a 0x55 inside data or a
/// truncated frame never costs the good frame behind it. A header whose lengths add up to more than
/// <see cref="MaxPayloadLength"/> bytes, or announce no data at all, is garbage (every ESP3 packet carries data).
/// A frame whose header arrived but whose rest never comes holds the reader until enough bytes arrive to prove it
/// wrong; the ESP3 specification's 100 ms inter-byte timeout is the driver's to apply with <see cref="SkipPartialFrame"/>.
/// Not thread-safe: one reader per serial line, used by one reading loop.
/// </remarks>
public sealed class Esp3FrameReader
{
    /// <summary>Largest data + optional length accepted; real ESP3 packets stay far below it.</summary>
    public const int MaxPayloadLength = 1024;

    private byte[] _buffer;
    private int _start;
    private int _end;

    public Esp3FrameReader(int initialCapacity = 2048)
    {
        _buffer = new byte[Math.Max(initialCapacity, 16)];
    }

    /// <summary>Packets decoded with both CRCs right.</summary>
    public long FramesDecoded { get; private set; }

    /// <summary>Candidate frames (a 0x55 followed by 5 bytes) whose header CRC was wrong.</summary>
    public long HeaderCrcErrors { get; private set; }

    /// <summary>Frames whose header was right but whose data CRC was wrong.</summary>
    public long DataCrcErrors { get; private set; }

    /// <summary>Headers with a right CRC but an impossible length (no data, or more than <see cref="MaxPayloadLength"/>).</summary>
    public long LengthErrors { get; private set; }

    /// <summary>Bytes thrown away while resynchronising (garbage, sync bytes of failed candidates).</summary>
    public long BytesDiscarded { get; private set; }

    /// <summary>Bytes received but not yet consumed by a packet or discarded.</summary>
    public int BufferedBytes => _end - _start;

    /// <summary>True when the buffer starts with a frame that is still waiting for bytes.</summary>
    public bool HasPartialFrame => _end > _start && _buffer[_start] == Esp3Packet.SyncByte;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        if (_start == _end) _start = _end = 0;
        if (_buffer.Length - _end < bytes.Length)
        {
            var live = _end - _start;
            if (_buffer.Length - live >= bytes.Length && _start > 0)
            {
                _buffer.AsSpan(_start, live).CopyTo(_buffer);
            }
            else
            {
                var grown = new byte[Math.Max(_buffer.Length * 2, live + bytes.Length)];
                _buffer.AsSpan(_start, live).CopyTo(grown);
                _buffer = grown;
            }
            _start = 0;
            _end = live;
        }
        bytes.CopyTo(_buffer.AsSpan(_end));
        _end += bytes.Length;
    }

    public bool TryRead([NotNullWhen(true)] out Esp3Packet? packet)
    {
        packet = null;
        while (true)
        {
            var available = _end - _start;
            if (available == 0) return false;

            var window = _buffer.AsSpan(_start, available);
            var sync = window.IndexOf(Esp3Packet.SyncByte);
            if (sync < 0)
            {
                Discard(available);
                return false;
            }
            if (sync > 0)
            {
                Discard(sync);
                continue;
            }
            if (available < Esp3Packet.HeaderSize) return false;

            var header = window.Slice(1, 4);
            if (Esp3Crc8.Compute(header) != window[5])
            {
                HeaderCrcErrors++;
                Discard(1);
                continue;
            }

            int dataLength = BinaryPrimitives.ReadUInt16BigEndian(header);
            int optionalLength = header[2];
            if (dataLength == 0 || dataLength + optionalLength > MaxPayloadLength)
            {
                LengthErrors++;
                Discard(1);
                continue;
            }

            var frameLength = Esp3Packet.FramingOverhead + dataLength + optionalLength;
            if (available < frameLength) return false;

            var payload = window.Slice(Esp3Packet.HeaderSize, dataLength + optionalLength);
            if (Esp3Crc8.Compute(payload) != window[frameLength - 1])
            {
                DataCrcErrors++;
                Discard(1);
                continue;
            }

            packet = new Esp3Packet(header[3], payload[..dataLength].ToArray(), payload[dataLength..].ToArray());
            _start += frameLength;
            FramesDecoded++;
            return true;
        }
    }

    /// <summary>
    /// Gives up on the frame at the head of the buffer (its sync byte is discarded and the search resumes behind it).
    /// For the driver's inter-byte timeout: call it when <see cref="HasPartialFrame"/> stayed true for 100 ms without new bytes.
    /// </summary>
    public void SkipPartialFrame()
    {
        if (HasPartialFrame) Discard(1);
    }

    /// <summary>Drops everything buffered (e.g. after reopening the port); counted as discarded.</summary>
    public void Reset() => Discard(_end - _start);

    private void Discard(int count)
    {
        _start += count;
        BytesDiscarded += count;
        if (_start == _end) _start = _end = 0;
    }
}
