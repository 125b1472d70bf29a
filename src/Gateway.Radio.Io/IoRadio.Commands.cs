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
        var parameter = MainParameterFor(node, command);
        var session = await ConnectedSessionAsync(cancellationToken);
        await SendAsync(session, node, parameter, progress, cancellationToken);
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

    private async Task SendAsync(Link.KlfSession session, IoNode node, ushort parameter, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var id = NextSessionId();
            var running = new IoCommandSession(id, progress);
            _sessions[id] = running;
            try
            {
                var request = new CommandSendRequest(id, [node.NodeId], parameter);
                Core.Radio.RadioCommandException? refused = null;
                try
                {
                    var confirm = await session.RequestAsync(new KlfFrame(KlfCommand.CommandSendReq, request.ToData()), RequestTimeout, cancellationToken);
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
                    await running.Finished.WaitAsync(TimeSpan.FromSeconds(_options.CommandTimeoutSeconds), _time, cancellationToken);
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

    private ushort NextSessionId()
    {
        // Session ids are 16 bits; 0 is avoided so a zeroed frame never matches a session.
        var next = Interlocked.Increment(ref _nextSession);
        return (ushort)(next % 0xFFFF + 1);
    }
}
