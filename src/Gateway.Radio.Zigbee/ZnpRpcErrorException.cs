using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// The coordinator answered an SREQ with an RPC error SRSP (CMD0 0x60, CMD1 0x00): it does not know the subsystem or
/// command, or the parameters were malformed. <see cref="ErrorCode"/>: 1 subsystem, 2 command id, 3 parameter, 4 length.
/// </summary>
public sealed class ZnpRpcErrorException(MtFrame request, byte errorCode)
    : IOException($"coordinator rejected {request} with RPC error {errorCode}")
{
    public MtFrame Request { get; } = request;
    public byte ErrorCode { get; } = errorCode;
}
