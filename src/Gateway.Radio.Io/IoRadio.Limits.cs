using Gateway.Core.Radio;
using Gateway.Radio.Io.Devices;
using Gateway.Radio.Io.Link;
using Gateway.Radio.Io.Protocol;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.Io;

public sealed partial class IoRadio
{
    private const int NodesPerRequest = 20;

    /// <summary>
    /// Reads every driven node's resulting minimum and maximum limitation of the main parameter
    /// (GW_GET_LIMITATION_STATUS) and reports them as states. An interface that cannot answer leaves the nodes as they
    /// are: limits are information, not a reason to keep the link down.
    /// </summary>
    private async Task ReadLimitsAsync(KlfSession session, CancellationToken cancellationToken)
    {
        var nodes = _nodes.Values.OrderBy(n => n.NodeId).ToList();
        for (var first = 0; first < nodes.Count; first += NodesPerRequest)
        {
            var chunk = nodes.Skip(first).Take(NodesPerRequest).ToList();
            var ids = chunk.Select(n => n.NodeId).ToList();
            try
            {
                var minimum = await LimitationAsync(session, ids, LimitationStatusRequest.MinimumLimitation, cancellationToken);
                var maximum = await LimitationAsync(session, ids, LimitationStatusRequest.MaximumLimitation, cancellationToken);
                foreach (var node in chunk)
                {
                    var limits = IoLimits.From(minimum.GetValueOrDefault(node.NodeId), maximum.GetValueOrDefault(node.NodeId));
                    _reports.Writer.TryWrite(new StatesReported(node.Address, limits.States()));
                }
            }
            catch (Exception ex) when (ex is TimeoutException or KlfErrorException or InvalidDataException or InvalidOperationException)
            {
                _logger.LogWarning("KLF-200 gave no limitations for nodes {Nodes}: {Reason}", string.Join(',', ids), ex.Message);
            }
        }
    }

    private async Task<Dictionary<byte, LimitationStatus>> LimitationAsync(KlfSession session, IReadOnlyList<byte> nodeIds, byte type, CancellationToken cancellationToken)
    {
        var id = NextSessionId();
        var answers = new Dictionary<byte, LimitationStatus>();
        var frames = await session.ExchangeAsync(new KlfFrame(KlfCommand.GetLimitationStatusReq, new LimitationStatusRequest(id, nodeIds, type).ToData()), f =>
        {
            switch (f.Command)
            {
                case KlfCommand.GetLimitationStatusCfm when KlfMessages.SessionOf(f.Data) == id:
                    return f.Data.Length >= 3 && f.Data[2] == KlfMessages.CommandAccepted ? ExchangeStep.Take : ExchangeStep.Finish;
                case KlfCommand.LimitationStatusNtf when KlfMessages.SessionOf(f.Data) == id:
                    var status = LimitationStatus.Parse(f.Data);
                    answers[status.NodeId] = status;
                    // Every node answered: the session's run status and end that follow are not needed.
                    return answers.Count >= nodeIds.Count ? ExchangeStep.Finish : ExchangeStep.Take;
                case KlfCommand.SessionFinishedNtf when KlfMessages.SessionOf(f.Data) == id:
                    return ExchangeStep.Finish;
                default:
                    return ExchangeStep.NotMine;
            }
        }, RequestTimeout, cancellationToken);
        var confirm = frames[0];
        if (confirm.Command == KlfCommand.GetLimitationStatusCfm && (confirm.Data.Length < 3 || confirm.Data[2] != KlfMessages.CommandAccepted))
            throw new InvalidOperationException("the KLF-200 refused the limitation request");
        return answers;
    }
}
