using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// IAS zone enrolment and acknowledgements. A zone only notifies the CIE it is enrolled with: the gateway writes the
/// coordinator's IEEE address as the zone's CIE address, answers the zone's enroll request, and also sends an enroll
/// response unasked, since some zones never ask (the spec's auto-enroll-response mode). Reports and notifications
/// that do not disable it get a default response, so a device does not retry them.
/// </summary>
public sealed partial class ZigbeeRadio
{
    private long _zonesEnrolled, _zoneNotifications;

    /// <summary>Enrols an IAS zone endpoint; a zone that refuses is still created (its zone status can be read).</summary>
    private async Task EnrolZoneAsync(NodeInterview node, byte endpoint, CancellationToken cancellationToken)
    {
        var coordinator = _startup?.IeeeAddress ?? 0;
        try
        {
            var answer = await ZclRequestAsync(node.Ieee, endpoint, IasZoneCluster.Id, IasZoneCluster.WriteCieAddress(Zcl.NextSequence(), coordinator), cancellationToken);
            if (WriteAttributesResponse.TryParse(answer, out var written) && !written.AllSucceeded)
                _logger.LogWarning("Zigbee device {Ieee:X16} refused the IAS CIE address on endpoint {Endpoint}", node.Ieee, endpoint);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Zigbee device {Ieee:X16} did not answer the IAS CIE address on endpoint {Endpoint}", node.Ieee, endpoint);
        }
        await SendEnrollResponseAsync(node, endpoint, cancellationToken);
    }

    private async Task SendEnrollResponseAsync(NodeInterview node, byte endpoint, CancellationToken cancellationToken)
    {
        try
        {
            var response = IasZoneCluster.ZoneEnrollResponse(Zcl.NextSequence(), ZoneIdOf(node.Ieee));
            await SendAsync(node.Ieee, endpoint, IasZoneCluster.Id, ZclCodec.Encode(response), cancellationToken);
            Interlocked.Increment(ref _zonesEnrolled);
        }
        catch (Exception ex) when (ex is ZigbeeDeliveryException or ZnpTimeoutException or InvalidOperationException)
        {
            _logger.LogWarning("Zigbee device {Ieee:X16}: the IAS enroll response did not go out ({Reason})", node.Ieee, ex.Message);
        }
    }

    /// <summary>
    /// The zone id the gateway gives a zone: stable for a device and never 0xFF (not enrolled). The gateway keys zones
    /// by address, so ids only need to stay put, not to be unique.
    /// </summary>
    public static byte ZoneIdOf(ulong ieee) => (byte)(ieee % 0xFF);

    /// <summary>A zone asks to enrol (after its CIE address was written, or again after a reset): it is answered at once.</summary>
    private bool TryAnswerEnrolment(NodeInterview node, IncomingMessage message, ZclFrame frame)
    {
        if (message.ClusterId != IasZoneCluster.Id || !ZoneEnrollRequest.TryParse(frame, out var request)) return false;
        _logger.LogInformation("Zigbee device {Ieee:X16} asks to enrol its IAS zone (type 0x{Type:X4}) on endpoint {Endpoint}", node.Ieee, request.ZoneType, message.SourceEndpoint);
        _ = Task.Run(() => SendEnrollResponseAsync(node, message.SourceEndpoint, CancellationToken.None));
        return true;
    }

    /// <summary>A zone status change notification as the states of the device's kind.</summary>
    private bool TryReportZoneStatus(string address, ZigbeeDeviceAddress device, ushort clusterId, ZclFrame frame)
    {
        if (clusterId != IasZoneCluster.Id || !ZoneStatusChangeNotification.TryParse(frame, out var notification)) return false;
        Interlocked.Increment(ref _zoneNotifications);
        if (ZigbeeDeviceMapper.ZoneTypeOf(device.ControllableName) is { } zoneType)
            ReportStates(address, ZigbeeStateTranslator.FromZoneStatus(zoneType, (ushort)notification.ZoneStatus));
        return true;
    }

    /// <summary>IAS zone status reports carry no zone type: the device's kind gives it.</summary>
    private static IReadOnlyList<(ushort Id, ZclValue Value)> WithZoneType(ZigbeeDeviceAddress device, ushort clusterId, IReadOnlyList<(ushort Id, ZclValue Value)> attributes) =>
        clusterId == IasZoneCluster.Id && attributes.All(a => a.Id != IasZoneCluster.ZoneType) && ZigbeeDeviceMapper.ZoneTypeOf(device.ControllableName) is { } zoneType
            ? [.. attributes, (IasZoneCluster.ZoneType, ZclValue.Enum16(zoneType))]
            : attributes;

    /// <summary>Answers a report or notification with a default response (success) unless the frame disabled it.</summary>
    private void Acknowledge(NodeInterview node, IncomingMessage message, ZclFrame frame)
    {
        if (frame.DisableDefaultResponse) return;
        var acknowledgement = ZclGlobal.DefaultResponse(frame, ZclStatus.Success);
        _ = Task.Run(async () =>
        {
            try
            {
                await SendAsync(node.Ieee, message.SourceEndpoint, message.ClusterId, ZclCodec.Encode(acknowledgement), CancellationToken.None);
            }
            catch (Exception ex) when (ex is ZigbeeDeliveryException or ZnpTimeoutException or InvalidOperationException)
            {
                _logger.LogDebug("Zigbee device {Ieee:X16}: default response not delivered ({Reason})", node.Ieee, ex.Message);
            }
        });
    }
}
