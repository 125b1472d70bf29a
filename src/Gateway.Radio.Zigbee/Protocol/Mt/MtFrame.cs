namespace Gateway.Radio.Zigbee.Protocol.Mt;

/// <summary>
/// One Monitor-and-Test frame as Z-Stack ZNP speaks it over UART:
/// <c>SOF(0xFE) LEN CMD0 CMD1 DATA[LEN] FCS</c>, CMD0 = type (bits 7-5) | subsystem (bits 4-0), FCS = XOR of LEN..DATA.
/// </summary>
public sealed class MtFrame
{
    public const byte StartOfFrame = 0xFE;

    /// <summary>SOF, LEN, CMD0, CMD1 and FCS around the data.</summary>
    public const int Overhead = 5;

    /// <summary>The MT specification caps the data at 250 bytes; LEN is one byte either way.</summary>
    public const int MaxDataLength = 250;

    public MtFrame(MtType type, MtSubsystem subsystem, byte command, byte[] data)
    {
        if (data.Length > MaxDataLength) throw new ArgumentException($"MT data is at most {MaxDataLength} bytes", nameof(data));
        Type = type;
        Subsystem = subsystem;
        Command = command;
        Data = data;
    }

    public MtType Type { get; }
    public MtSubsystem Subsystem { get; }
    public byte Command { get; }
    public byte[] Data { get; }

    public byte Cmd0 => MtCodec.Cmd0(Type, Subsystem);

    public int EncodedLength => Overhead + Data.Length;

    /// <summary>True when this frame is the SRSP a request of the same subsystem and command waits for.</summary>
    public bool Answers(MtFrame request) => Type == MtType.Srsp && Subsystem == request.Subsystem && Command == request.Command;

    public bool Is(MtType type, MtSubsystem subsystem, byte command) => Type == type && Subsystem == subsystem && Command == command;

    public byte[] Encode()
    {
        var bytes = new byte[EncodedLength];
        MtCodec.Encode(Type, Subsystem, Command, Data, bytes);
        return bytes;
    }

    public override string ToString() => $"{Type} {Subsystem} 0x{Command:X2} [{Convert.ToHexString(Data)}]";
}
