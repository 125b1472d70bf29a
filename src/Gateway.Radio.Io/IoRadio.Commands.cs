using System.Text.Json;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Radio.Io.Devices;
using Gateway.Radio.Io.Link;
using Gateway.Radio.Io.Protocol;
using Gateway.Serial;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.Io;

public sealed partial class IoRadio
{
    private const int SendAttempts = 2;

    public async Task ExecuteAsync(RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        // Right after a start the nodes are not read yet: wait for the interface before calling a device unknown.
        if (!Connected) await ConnectedSessionAsync(cancellationToken);
        var node = _nodes.Values.FirstOrDefault(n => n.Address == command.Address)
            ?? throw new RadioCommandException(FailureType.ActuatorUnknown, $"no io node {command.Address} on the KLF-200");
        if (command.Name == "getName")
        {
            progress.Transmitted();
            progress.InProgress();
            _reports.Writer.TryWrite(new StatesReported(node.Address, [DeviceState.Of(IoStates.Name, node.Information.Name)]));
            return;
        }
        var session = await ConnectedSessionAsync(cancellationToken);
        switch (command.Name)
        {
            case "identify":
                await SendAsync(session, node, id => new KlfFrame(KlfCommand.WinkSendReq, new WinkSendRequest(id, [node.NodeId], WinkSendRequest.ManufacturerTime).ToData()), progress, cancellationToken);
                return;
            case "wink":
                var seconds = Seconds(command);
                await SendAsync(session, node, id => new KlfFrame(KlfCommand.WinkSendReq, new WinkSendRequest(id, [node.NodeId], seconds).ToData()), progress, cancellationToken);
                return;
            case "setName":
                await SetNameAsync(session, node, command, progress, cancellationToken);
                return;
        }
        var parameter = MainParameterFor(node, command);
        await SendAsync(session, node, id => new KlfFrame(KlfCommand.CommandSendReq, new CommandSendRequest(id, [node.NodeId], parameter).ToData()), progress, cancellationToken);
    }

    /// <summary>The main parameter a command sends; closure 0–100 maps onto 0x0000–0xC800 exactly.</summary>
    public static ushort MainParameterFor(IoNode node, RadioCommand command)
    {
        var deploys = node.Kind.Deploys;
        return command.Name switch
        {
            "open" or "up" or "deploy" when !deploys || command.Name == "deploy" => IoParameter.Open,
            "close" or "down" or "undeploy" when !deploys || command.Name == "undeploy" => IoParameter.Closed,
            "stop" => IoParameter.Current,
            "my" => IoParameter.Default,
            "setClosure" or "setPosition" => IoParameter.FromClosure(Percent(command)),
            "setDeployment" when deploys => IoParameter.FromClosure(100 - Percent(command)),
            _ => throw new RadioCommandException(FailureType.CommandUnknown, $"{command.Name} is not an io command the KLF-200 can send to {node.Kind.ControllableName}"),
        };
    }

    private static int Percent(RadioCommand command)
    {
        if (command.Parameters.Count != 1 || command.Parameters[0].ValueKind != JsonValueKind.Number
            || !command.Parameters[0].TryGetInt32(out var value) || value is < 0 or > 100)
            throw new RadioCommandException(FailureType.ErrorWhileExecuting, $"{command.Name} takes one whole number from 0 to 100");
        return value;
    }

    private static byte Seconds(RadioCommand command)
    {
        if (command.Parameters.Count != 1 || command.Parameters[0].ValueKind != JsonValueKind.Number
            || !command.Parameters[0].TryGetInt32(out var value) || value is < 1 or > 253)
            throw new RadioCommandException(FailureType.ErrorWhileExecuting, $"{command.Name} takes a number of seconds from 1 to 253");
        return (byte)value;
    }

    /// <summary>GW_SET_NODE_NAME: the node keeps the name (64 bytes of UTF-8 at most) and the device's label follows it.</summary>
    private async Task SetNameAsync(Link.KlfSession session, IoNode node, RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        if (command.Parameters.Count != 1 || command.Parameters[0].ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(command.Parameters[0].GetString()))
            throw new RadioCommandException(FailureType.ErrorWhileExecuting, "setName takes one non-empty name");
        var name = command.Parameters[0].GetString()!;
        KlfFrame confirm;
        try
        {
            confirm = await session.RequestAsync(KlfMessages.SetNodeName(node.NodeId, name), RequestTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or TransportException or Link.KlfErrorException)
        {
            throw new RadioCommandException(FailureType.ActuatorNoAnswer, ex.Message);
        }
        progress.Transmitted();
        if (confirm.Data.Length < 1 || confirm.Data[0] != KlfMessages.NameAccepted)
            throw new RadioCommandException(FailureType.NonExecuting, $"the KLF-200 refused the name for node {node.NodeId}");
        // What the interface stores is what a later read gives back: the name cut to its 64 bytes.
        var stored = KlfMessages.NodeNameOf(KlfMessages.SetNodeName(node.NodeId, name).Data).Name;
        var renamed = node with { Information = node.Information with { Name = stored } };
        _nodes[node.NodeId] = renamed;
        progress.InProgress();
        _reports.Writer.TryWrite(new StatesReported(node.Address, [DeviceState.Of(IoStates.Name, stored)]));
        _reports.Writer.TryWrite(new LabelReported(node.Address, stored));
    }

    /// <summary>
    /// Runs one session (a command or a wink): the request built for a fresh session id, its confirmation, then run
    /// status and remaining time notifications until the session's end.
    /// </summary>
    private async Task SendAsync(Link.KlfSession session, IoNode node, Func<ushort, KlfFrame> request, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var id = NextSessionId();
            var running = new IoCommandSession(id, progress, _time);
            _sessions[id] = running;
            try
            {
                Core.Radio.RadioCommandException? refused = null;
                try
                {
                    var confirm = await session.RequestAsync(request(id), RequestTimeout, cancellationToken);
                    if (confirm.Data.Length < 3 || confirm.Data[2] != KlfMessages.CommandAccepted)
                        refused = new RadioCommandException(FailureType.NonExecuting, $"the KLF-200 refused the command for node {node.NodeId}");
                }
                catch (TimeoutException) when (attempt < SendAttempts)
                {
                    // A lost frame: the same position again is harmless, so try once more with a new session.
                    IoCounters.Increment(ref _counters.Retries);
                    _logger.LogWarning("KLF-200 did not confirm session {Session}; sending again", id);
                    continue;
                }
                catch (Exception ex) when (ex is TimeoutException or TransportException or Link.KlfErrorException)
                {
                    throw new RadioCommandException(FailureType.ActuatorNoAnswer, ex.Message);
                }
                if (refused is not null) throw refused;
                IoCounters.Increment(ref _counters.Sessions);
                running.MarkTransmitted();
                try
                {
                    await WaitForEndAsync(running, cancellationToken);
                }
                catch (TimeoutException)
                {
                    throw new RadioCommandException(FailureType.ActuatorNoAnswer, $"io node {node.NodeId} did not finish session {id}");
                }
                catch (RadioCommandException)
                {
                    IoCounters.Increment(ref _counters.FailedSessions);
                    throw;
                }
                return;
            }
            finally
            {
                _sessions.TryRemove(id, out _);
            }
        }
    }

    /// <summary>Waits for the session's end for the command timeout, or longer while the node announces a longer travel.</summary>
    private async Task WaitForEndAsync(IoCommandSession running, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(_options.CommandTimeoutSeconds);
        var started = _time.GetTimestamp();
        while (true)
        {
            var left = running.TimeLeft(timeout, started);
            if (left <= TimeSpan.Zero) throw new TimeoutException();
            try
            {
                await running.Finished.WaitAsync(left, _time, cancellationToken);
                return;
            }
            catch (TimeoutException)
            {
                // A remaining time that came while waiting may have moved the end further out: look again.
            }
        }
    }

    private ushort NextSessionId()
    {
        // Session ids are 16 bits; 0 is avoided so a zeroed frame never matches a session.
        var next = Interlocked.Increment(ref _nextSession);
        return (ushort)(next % 0xFFFF + 1);
    }
}
