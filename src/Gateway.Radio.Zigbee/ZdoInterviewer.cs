using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// Interviews one node over ZDO: node descriptor (logical type, MAC capabilities, manufacturer), active endpoints,
/// then each endpoint's simple descriptor. Each request is accepted by the coordinator (SRSP) and answered by the
/// device later (a ZDO response AREQ from its network address) within <paramref name="responseTimeout"/>.
/// </summary>
public sealed class ZdoInterviewer(ZnpSession session, TimeSpan responseTimeout)
{
    public async Task<NodeInterview> RunAsync(ulong ieee, ushort networkAddress, CancellationToken cancellationToken)
    {
        var node = NodeDescriptorResponse.TryParse(await AskAsync(ZdoCommands.NodeDescriptorRequest(networkAddress), ZdoCommands.NodeDescRspId, networkAddress, "node descriptor", cancellationToken))!;
        if (node.Status != MtStatus.Success) throw new ZigbeeInterviewException($"node descriptor refused (status 0x{node.Status:X2})");

        var active = ActiveEndpointsResponse.TryParse(await AskAsync(ZdoCommands.ActiveEndpointsRequest(networkAddress), ZdoCommands.ActiveEpRspId, networkAddress, "active endpoints", cancellationToken))
            ?? throw new ZigbeeInterviewException("malformed active endpoints answer");
        if (active.Status != MtStatus.Success) throw new ZigbeeInterviewException($"active endpoints refused (status 0x{active.Status:X2})");

        var endpoints = new List<SimpleDescriptor>();
        foreach (var endpoint in active.Endpoints)
        {
            var simple = SimpleDescriptorResponse.TryParse(await AskAsync(ZdoCommands.SimpleDescriptorRequest(networkAddress, endpoint), ZdoCommands.SimpleDescRspId, networkAddress,
                $"simple descriptor of endpoint {endpoint}", cancellationToken)) ?? throw new ZigbeeInterviewException($"malformed simple descriptor of endpoint {endpoint}");
            if (simple.Descriptor is not { } descriptor) throw new ZigbeeInterviewException($"simple descriptor of endpoint {endpoint} refused (status 0x{simple.Status:X2})");
            endpoints.Add(descriptor);
        }
        return new NodeInterview(ieee, networkAddress, node.LogicalType, node.ManufacturerCode, node.MainsPowered, endpoints);
    }

    private async Task<MtFrame> AskAsync(MtFrame request, byte responseId, ushort networkAddress, string what, CancellationToken cancellationToken)
    {
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var answer = session.WaitForAsync(f => ZdoCommands.ResponseHeader(f, responseId) is { Source: var source } && source == networkAddress,
            what, responseTimeout, giveUp.Token);
        try
        {
            var status = SysCommands.StatusOf(await session.RequestAsync(request, cancellationToken));
            if (status != MtStatus.Success) throw new ZigbeeInterviewException($"the coordinator refused to ask for the {what} (status 0x{status:X2})");
            return await answer;
        }
        finally
        {
            await giveUp.CancelAsync();
            await ((Task)answer).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
