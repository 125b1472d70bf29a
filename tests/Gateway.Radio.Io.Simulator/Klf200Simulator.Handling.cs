using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Simulator;

public sealed partial class Klf200Simulator
{
    private const byte ErrorNotAuthenticated = 12;
    private const byte ErrorWrongCommand = 1;
    private const byte ErrorFrame = 2;
    private const byte NameInvalidNode = 2;
    private const byte LimitationTimeUnlimited = 253;

    internal async Task HandleAsync(SimulatorConnection connection, KlfFrame frame)
    {
        if (frame.Command == KlfCommand.CommandSendReq) CommandArrivals.Enqueue(Now());
        if (frame.Command == KlfCommand.PasswordEnterReq)
        {
            var accepted = KlfMessages.PasswordOf(frame.Data) == Password;
            connection.Authenticated = accepted;
            Interlocked.Increment(ref accepted ? ref _logins : ref _failedLogins);
            await connection.SendAsync(KlfFrame.Of(KlfCommand.PasswordEnterCfm, accepted ? KlfMessages.PasswordAccepted : (byte)1));
            return;
        }
        if (!connection.Authenticated)
        {
            await connection.SendAsync(KlfFrame.Of(KlfCommand.ErrorNtf, ErrorNotAuthenticated));
            return;
        }
        try
        {
            await AnswerAsync(connection, frame);
        }
        catch (InvalidDataException)
        {
            await connection.SendAsync(KlfFrame.Of(KlfCommand.ErrorNtf, ErrorFrame));
        }
    }

    private async Task AnswerAsync(SimulatorConnection connection, KlfFrame frame)
    {
        switch (frame.Command)
        {
            case KlfCommand.GetVersionReq:
                await connection.SendAsync(new KlfFrame(KlfCommand.GetVersionCfm, new VersionInfo([0, 2, 0, 0, 71, 0], 6, 14, 3).ToData()));
                break;
            case KlfCommand.GetStateReq:
                Interlocked.Increment(ref _keepAlives);
                await connection.SendAsync(KlfFrame.Of(KlfCommand.GetStateCfm, 2, 0, 0, 0, 0, 0));
                break;
            case KlfCommand.SetUtcReq:
                await connection.SendAsync(KlfFrame.Of(KlfCommand.SetUtcCfm));
                break;
            case KlfCommand.HouseStatusMonitorEnableReq:
                connection.HouseMonitor = true;
                await connection.SendAsync(KlfFrame.Of(KlfCommand.HouseStatusMonitorEnableCfm));
                break;
            case KlfCommand.CsGetSystemTableDataReq:
                await connection.SendAsync(KlfFrame.Of(KlfCommand.CsGetSystemTableDataCfm));
                var entries = _nodes.Values.OrderBy(n => n.NodeId)
                    .Select(n => new SystemTableEntry(n.NodeId, n.IoAddress, n.TypeSubtype, 0x01, n.Manufacturer, 0x1234)).ToList();
                // At most 20 objects fit a frame: the rest follow, the last notification says none remain.
                for (var i = 0; i < Math.Max(entries.Count, 1); i += 20)
                {
                    var chunk = entries.Skip(i).Take(20).ToList();
                    await connection.SendAsync(new KlfFrame(KlfCommand.CsGetSystemTableDataNtf, SystemTableEntry.NotificationData(chunk, Math.Max(0, entries.Count - i - chunk.Count))));
                }
                break;
            case KlfCommand.GetAllNodesInformationReq:
                var nodes = _nodes.Values.OrderBy(n => n.NodeId).ToList();
                await connection.SendAsync(KlfFrame.Of(KlfCommand.GetAllNodesInformationCfm, (byte)(nodes.Count == 0 ? 1 : 0), (byte)nodes.Count));
                if (nodes.Count == 0) break;
                foreach (var node in nodes) await connection.SendAsync(new KlfFrame(KlfCommand.GetAllNodesInformationNtf, InformationOf(node).ToData()));
                await connection.SendAsync(KlfFrame.Of(KlfCommand.GetAllNodesInformationFinishedNtf));
                break;
            case KlfCommand.CommandSendReq:
                await CommandAsync(connection, CommandSendRequest.Parse(frame.Data));
                break;
            case KlfCommand.GetLimitationStatusReq:
                await LimitationAsync(connection, LimitationStatusRequest.Parse(frame.Data));
                break;
            case KlfCommand.WinkSendReq:
                await WinkAsync(connection, WinkSendRequest.Parse(frame.Data));
                break;
            case KlfCommand.SetNodeNameReq:
                var (nodeId, name) = KlfMessages.NodeNameOf(frame.Data);
                if (_nodes.TryGetValue(nodeId, out var named)) named.Name = name;
                await connection.SendAsync(KlfMessages.SetNodeNameConfirmation(nodeId, named is null ? NameInvalidNode : KlfMessages.NameAccepted));
                break;
            case KlfCommand.CsDiscoverNodesReq:
                await connection.SendAsync(KlfFrame.Of(KlfCommand.CsDiscoverNodesCfm));
                _ = DiscoverAsync(connection);
                break;
            case KlfCommand.CsRemoveNodesReq:
                var removed = DiscoverNodesResult.Nodes(frame.Data.AsSpan(0, Math.Min(frame.Data.Length, DiscoverNodesResult.BitArraySize)));
                var any = false;
                foreach (var id in removed) any |= _nodes.TryRemove(id, out _);
                await connection.SendAsync(KlfFrame.Of(KlfCommand.CsRemoveNodesCfm, any ? KlfMessages.RemoveAccepted : (byte)0));
                break;
            default:
                await connection.SendAsync(KlfFrame.Of(KlfCommand.ErrorNtf, ErrorWrongCommand));
                break;
        }
    }

    private async Task DiscoverAsync(SimulatorConnection connection)
    {
        await Task.Delay(Tick * 4);
        var added = new List<byte>();
        while (_discoverable.TryDequeue(out var node))
        {
            _nodes[node.NodeId] = node;
            added.Add(node.NodeId);
        }
        await connection.SendAsync(new KlfFrame(KlfCommand.CsDiscoverNodesNtf, new DiscoverNodesResult(added, [], [], [], [], DiscoverNodesResult.StatusOk).ToData()));
    }

    private static NodeInformation InformationOf(SimulatedIoNode node) => new()
    {
        NodeId = node.NodeId,
        Order = node.NodeId,
        Name = node.Name,
        NodeTypeSubtype = node.TypeSubtype,
        ProductGroup = 14,
        ProductType = 3,
        BuildNumber = 42,
        SerialNumber = node.Serial,
        OperatingState = node.Moving ? NodeOperatingState.Executing : NodeOperatingState.Done,
        CurrentPosition = node.Position,
        Target = node.Target,
        Timestamp = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
    };

    private async Task CommandAsync(SimulatorConnection connection, CommandSendRequest request)
    {
        Interlocked.Increment(ref _commands);
        var targets = request.NodeIds.Select(id => _nodes.GetValueOrDefault(id)).ToList();
        var known = targets.All(n => n is not null) && IoParameter.KindOf(request.MainParameter) is IoParameterKind.Position
            or IoParameterKind.Current or IoParameterKind.Default or IoParameterKind.Target;
        await connection.SendAsync(KlfMessages.SessionConfirmation(KlfCommand.CommandSendCfm, request.SessionId, known));
        if (!known) return;
        var runs = targets.Select((node, index) => RunAsync(connection, request, node!, (byte)index)).ToList();
        _ = FinishSessionAsync(connection, request.SessionId, runs);
    }

    /// <summary>One notification per node with its limitation, then the session's run status and end.</summary>
    private async Task LimitationAsync(SimulatorConnection connection, LimitationStatusRequest request)
    {
        var nodes = request.NodeIds.Select(id => _nodes.GetValueOrDefault(id)).ToList();
        var known = nodes.All(n => n is not null);
        await connection.SendAsync(KlfMessages.SessionConfirmation(KlfCommand.GetLimitationStatusCfm, request.SessionId, known));
        if (!known) return;
        foreach (var node in nodes)
        {
            var min = node!.MinimumClosure is { } low ? IoParameter.FromClosure(low) : IoParameter.Open;
            var max = node.MaximumClosure is { } high ? IoParameter.FromClosure(high) : IoParameter.Closed;
            var limited = node.MinimumClosure is not null || node.MaximumClosure is not null;
            await connection.SendAsync(new KlfFrame(KlfCommand.LimitationStatusNtf,
                new LimitationStatus(request.SessionId, node.NodeId, request.ParameterId, min, max, limited ? node.LimitationOriginator : (byte)0, LimitationTimeUnlimited).ToData()));
        }
        await connection.SendAsync(KlfMessages.SessionFinished(request.SessionId));
    }

    private async Task WinkAsync(SimulatorConnection connection, WinkSendRequest request)
    {
        var nodes = request.NodeIds.Select(id => _nodes.GetValueOrDefault(id)).ToList();
        var known = nodes.All(n => n is not null);
        await connection.SendAsync(KlfMessages.SessionConfirmation(KlfCommand.WinkSendCfm, request.SessionId, known));
        if (!known) return;
        foreach (var node in nodes) node!.Winked(request.WinkTime);
        _ = Task.Run(async () =>
        {
            await Task.Delay(Tick);
            await connection.SendAsync(new KlfFrame(KlfCommand.WinkSendNtf, new byte[] { (byte)(request.SessionId >> 8), (byte)request.SessionId }));
        });
    }

    private static async Task FinishSessionAsync(SimulatorConnection connection, ushort session, List<Task> runs)
    {
        await Task.WhenAll(runs);
        await connection.SendAsync(KlfMessages.SessionFinished(session));
    }
}
