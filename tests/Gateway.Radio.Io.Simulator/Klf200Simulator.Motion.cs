using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Simulator;

public sealed partial class Klf200Simulator
{
    private const byte StatusUser = 0x01;
    private const byte ReplyOk = 0x01;
    private const byte ReplyBlocked = 0x04;
    private const byte ReplyOverruled = 0x1D;

    /// <summary>Moves one node of a session to its target in real time, notifying as a KLF-200 does.</summary>
    private async Task RunAsync(SimulatorConnection connection, CommandSendRequest request, SimulatedIoNode node, byte index)
    {
        if (node.NextRefusal is { } refusal)
        {
            node.NextRefusal = null;
            await RunStatusAsync(connection, request.SessionId, index, node.Position, CommandRunStatus.ExecutionFailed, refusal);
            return;
        }
        var target = request.MainParameter switch
        {
            IoParameter.Current => node.Position,
            IoParameter.Default => node.MyPosition,
            IoParameter.Target => node.Target,
            var position => position,
        };
        var previous = node.Motion;
        var motion = new CancellationTokenSource();
        node.Motion = motion;
        if (previous is not null) await previous.CancelAsync();
        node.Target = target;
        node.Moving = node.Position != target;
        await RunStatusAsync(connection, request.SessionId, index, node.Position, CommandRunStatus.ExecutionActive, ReplyOk);

        var start = node.Position;
        var distance = Math.Abs(target - start);
        var travel = node.TravelTime * ((double)distance / IoParameter.Closed);
        var obstacle = node.ObstacleAt is { } blocked ? IoParameter.FromClosure(blocked) : (ushort?)null;
        var blocks = obstacle is { } o && (start < target ? o > start && o < target : o < start && o > target);
        var began = Now();
        await connection.SendAsync(new KlfFrame(KlfCommand.CommandRemainingTimeNtf, new CommandRemainingTime(request.SessionId, index, 0, (ushort)Math.Ceiling(travel.TotalSeconds)).ToData()));
        while (node.Position != target)
        {
            try
            {
                await Task.Delay(Tick, motion.Token);
            }
            catch (OperationCanceledException)
            {
                // A newer command took the node over.
                await RunStatusAsync(connection, request.SessionId, index, node.Position, CommandRunStatus.ExecutionFailed, ReplyOverruled);
                return;
            }
            var share = travel <= TimeSpan.Zero ? 1 : Math.Min(1, System.Diagnostics.Stopwatch.GetElapsedTime(began) / travel);
            var position = (ushort)Math.Round(start + (target - start) * share);
            if (blocks && (start < target ? position >= obstacle!.Value : position <= obstacle!.Value))
            {
                node.MoveTo(obstacle!.Value);
                node.Target = obstacle.Value;
                node.Moving = false;
                await PositionAsync(node, NodeOperatingState.ErrorExecuting);
                await RunStatusAsync(connection, request.SessionId, index, node.Position, CommandRunStatus.ExecutionFailed, ReplyBlocked);
                return;
            }
            node.MoveTo(position);
            await PositionAsync(node, position == target ? NodeOperatingState.Done : NodeOperatingState.Executing);
        }
        node.Moving = false;
        if (distance == 0) await PositionAsync(node, NodeOperatingState.Done);
        await RunStatusAsync(connection, request.SessionId, index, node.Position, CommandRunStatus.ExecutionCompleted, ReplyOk);
    }

    private static Task RunStatusAsync(SimulatorConnection connection, ushort session, byte index, ushort value, byte runStatus, byte reply) =>
        connection.SendAsync(new KlfFrame(KlfCommand.CommandRunStatusNtf, new CommandRunStatus(session, StatusUser, index, 0, value, runStatus, reply, 0).ToData()));

    /// <summary>A position notification to every client that enabled the house status monitor.</summary>
    private async Task PositionAsync(SimulatedIoNode node, byte state)
    {
        var remaining = (ushort)0;
        var notification = new NodePositionChanged(node.NodeId, state, node.Position, node.Target,
            [IoParameter.Unknown, IoParameter.Unknown, IoParameter.Unknown, IoParameter.Unknown], remaining, (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var frame = new KlfFrame(KlfCommand.NodeStatePositionChangedNtf, notification.ToData());
        foreach (var connection in _connections.Keys.Where(c => c.HouseMonitor)) await connection.SendAsync(frame);
    }
}
