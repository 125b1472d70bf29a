using System.Globalization;
using Gateway.Radio.ZWave.Serial;
using Gateway.Radio.ZWave.SerialApi;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.ZWave;

/// <summary>
/// Start-up: Serial API capabilities, library version, controller capabilities, home id and own node id, init data
/// (the node list), then protocol info of every node; nodes the gateway has stored come back as they are (listening
/// ones are read once for fresh states), new ones are interviewed.
/// </summary>
public sealed partial class ZWaveRadio
{
    private async Task<ZWaveController> ReadControllerAsync(SerialApiSession session, CancellationToken cancellationToken)
    {
        var capabilities = SerialApiCapabilities.Parse(await AskAsync(session, FunctionId.GetSerialApiCapabilities, [], cancellationToken))
            ?? throw new InvalidDataException("short GetSerialApiCapabilities response");
        var library = LibraryVersion.Parse(await AskAsync(session, FunctionId.GetVersion, [], cancellationToken))
            ?? throw new InvalidDataException("short GetVersion response");
        var role = ControllerCapabilities.Parse(await AskAsync(session, FunctionId.GetControllerCapabilities, [], cancellationToken))
            ?? throw new InvalidDataException("short GetControllerCapabilities response");
        var network = MemoryId.Parse(await AskAsync(session, FunctionId.MemoryGetId, [], cancellationToken))
            ?? throw new InvalidDataException("short MemoryGetId response");
        var init = InitData.Parse(await AskAsync(session, FunctionId.GetSerialApiInitData, [], cancellationToken))
            ?? throw new InvalidDataException("short GetSerialApiInitData response");
        _logger.LogInformation(
            "Z-Wave controller on {Port}: {Library}, firmware {Major}.{Minor}, manufacturer 0x{Manufacturer:X4}, home id {HomeId:X8}, node {NodeId}, {Nodes} nodes{Secondary}",
            session.Name, library.Version, capabilities.FirmwareVersion, capabilities.FirmwareRevision, capabilities.ManufacturerId, network.HomeId, network.NodeId,
            init.NodeIds.Count, role.IsSecondary ? " (secondary controller)" : "");
        return new ZWaveController(capabilities, library, role, network, init);
    }

    private async Task<byte[]> AskAsync(SerialApiSession session, byte functionId, byte[] payload, CancellationToken cancellationToken)
    {
        try
        {
            var result = await session.RequestAsync(new SerialApiTransaction(SerialFrame.Request(functionId, payload)), cancellationToken);
            return result.Response!.Payload;
        }
        catch (SerialApiTimeoutException)
        {
            RestartIfUnresponsive(session);
            throw;
        }
    }

    /// <summary>Stored nodes of another network are forgotten; nodes no longer in the network are forgotten; new nodes are interviewed.</summary>
    private async Task AdoptNodesAsync(SerialApiSession session, ZWaveController controller, CancellationToken cancellationToken)
    {
        try
        {
            var homeId = controller.HomeId.ToString("X8", CultureInfo.InvariantCulture);
            var storedHome = await _settings.GetAsync(Protocol, HomeIdKey, cancellationToken);
            if (storedHome is not null && storedHome != homeId)
            {
                _logger.LogWarning("The Z-Wave controller now runs network {HomeId} (was {Stored}); the nodes of the old network are forgotten", homeId, storedHome);
                foreach (var id in _nodes.Keys) await ForgetNodeAsync(id, cancellationToken);
            }
            if (storedHome != homeId) await _settings.SetAsync(Protocol, HomeIdKey, homeId, cancellationToken);
            var present = controller.InitData.NodeIds.Where(id => id != controller.OwnNodeId).ToHashSet();
            foreach (var gone in _nodes.Keys.Where(id => !present.Contains(id)).ToList())
            {
                _logger.LogWarning("Z-Wave node {NodeId} is no longer in the controller's network; forgotten", gone);
                await ForgetNodeAsync(gone, cancellationToken);
            }
            foreach (var nodeId in present.Order())
            {
                if (_nodes.TryGetValue(nodeId, out var known))
                {
                    if (known.Listening && known.Refused is null) await RefreshNodeAsync(known, cancellationToken);
                    continue;
                }
                await InterviewAsync(session, nodeId, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (SerialApiTimeoutException ex)
        {
            _logger.LogWarning("Z-Wave node adoption stopped: {Reason}", ex.Message);
        }
    }

    private async Task ForgetNodeAsync(byte nodeId, CancellationToken cancellationToken)
    {
        _nodes.TryRemove(nodeId, out _);
        foreach (var address in _devices.Where(d => d.Value.Address.NodeId == nodeId).Select(d => d.Key).ToList()) _devices.TryRemove(address, out _);
        await _settings.DeleteAsync(Protocol, NodeKey(nodeId), cancellationToken);
    }
}
