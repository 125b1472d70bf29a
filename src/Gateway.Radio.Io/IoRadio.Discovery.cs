using Gateway.Core.Radio;
using Gateway.Radio.Io.Protocol;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.Io;

public sealed partial class IoRadio
{
    /// <summary>The Overkiz name of the operation: the command an io:StackComponent offers for it.</summary>
    public const string DiscoverActuators = "DiscoverActuators";
    private const byte AnyNodeType = 0;

    private TaskCompletionSource<DiscoverNodesResult>? _discovery;
    private int _discovering;

    /// <summary>Starts a discovery of new io actuators (GW_CS_DISCOVER_NODES); returns once the interface took it.</summary>
    public async Task StartPairingAsync(PairingRequest request, CancellationToken cancellationToken)
    {
        var session = _session ?? throw new InvalidOperationException("the KLF-200 is not connected");
        if (Interlocked.Exchange(ref _discovering, 1) == 1) throw new InvalidOperationException("an io discovery is already running");
        var result = new TaskCompletionSource<DiscoverNodesResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _discovery = result;
        try
        {
            await session.RequestAsync(KlfMessages.DiscoverNodes(AnyNodeType), RequestTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or Link.KlfErrorException or Gateway.Serial.TransportException)
        {
            _discovery = null;
            Interlocked.Exchange(ref _discovering, 0);
            throw new InvalidOperationException($"the KLF-200 did not start a discovery: {ex.Message}", ex);
        }
        catch
        {
            _discovery = null;
            Interlocked.Exchange(ref _discovering, 0);
            throw;
        }
        _logger.LogInformation("io discovery started on the KLF-200");
        _reports.Writer.TryWrite(new PairingModeReported(true, false));
        _ = FinishDiscoveryAsync(session, result.Task, request);
    }

    private async Task FinishDiscoveryAsync(Link.KlfSession session, Task<DiscoverNodesResult> result, PairingRequest request)
    {
        var succeeded = false;
        var timedOut = false;
        try
        {
            var found = await result.WaitAsync(TimeSpan.FromSeconds(_options.DiscoveryTimeoutSeconds), _time);
            succeeded = found.Status is DiscoverNodesResult.StatusOk or DiscoverNodesResult.StatusPartial;
            _logger.LogInformation("io discovery ended (status {Status}): {Added} added", found.Status, found.Added.Count);
            if (found.Added.Count > 0) await ReadNodesAsync(session, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            timedOut = true;
            _logger.LogWarning("io discovery gave no result within {Seconds} s", _options.DiscoveryTimeoutSeconds);
        }
        catch (Exception ex)
        {
            _logger.LogWarning("io discovery failed: {Reason}", ex.Message);
        }
        finally
        {
            _discovery = null;
            Interlocked.Exchange(ref _discovering, 0);
            _reports.Writer.TryWrite(new NetworkOperationReported(DiscoverActuators, succeeded) { ExecId = request.ExecId, Owner = request.Owner });
            _reports.Writer.TryWrite(new PairingModeReported(false, timedOut));
        }
    }

    /// <summary>The KLF-200 runs its discovery to the end; there is nothing to stop.</summary>
    public Task StopPairingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Removes the node from the interface's system table (GW_CS_REMOVE_NODES).</summary>
    public async Task RemoveDeviceAsync(string address, CancellationToken cancellationToken)
    {
        var node = _nodes.Values.FirstOrDefault(n => n.Address == address)
            ?? throw new InvalidOperationException($"no io node {address} on the KLF-200");
        var session = await ConnectedSessionAsync(cancellationToken);
        var confirm = await session.RequestAsync(KlfMessages.RemoveNodes([node.NodeId]), RequestTimeout, cancellationToken);
        if (confirm.Data.Length < 1 || confirm.Data[0] != KlfMessages.RemoveAccepted)
            throw new InvalidOperationException($"the KLF-200 did not remove io node {node.NodeId}");
        _nodes.TryRemove(node.NodeId, out _);
        _logger.LogInformation("io node {NodeId} ({Address}) removed from the KLF-200", node.NodeId, address);
    }
}
