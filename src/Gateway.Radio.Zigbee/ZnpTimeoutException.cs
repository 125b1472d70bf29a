using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee;

/// <summary>The coordinator did not answer a synchronous request (or an awaited indication did not come) in time.</summary>
public sealed class ZnpTimeoutException(MtFrame? request, string awaited, TimeSpan timeout)
    : TimeoutException($"no {awaited} from the coordinator within {timeout.TotalSeconds:0.###} s{(request is null ? "" : $" (request {request})")}")
{
    public MtFrame? Request { get; } = request;
    public TimeSpan Timeout { get; } = timeout;
}
