using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Protocol.Mt;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// Brings a ZNP coordinator up: soft reset (waits for SYS_RESET_IND), ping, version, device info; writes the network
/// parameters into NV when the coordinator holds no network yet; registers the Home Automation endpoint; starts the
/// stack with ZDO_STARTUP_FROM_APP and waits for the coordinator state.
/// </summary>
/// <remarks>
/// Forming through NV items and ZDO_STARTUP_FROM_APP is the Z-Stack 1.2 / 3.0.x path; Z-Stack 3.x.0 firmware on real
/// CC2652 sticks forms through BDB commissioning (APP_CNF), which this does not do yet.
/// </remarks>
public sealed class ZnpStartup(ZnpSession session, ZigbeeRadioOptions options, ILogger logger)
{
    public const byte GatewayEndpoint = 1;

    /// <summary>HA device id of a configuration tool, what coordinators usually register as.</summary>
    public const ushort ConfigurationToolDeviceId = 0x0005;

    /// <summary>Value zigpy-znp writes into ZCD_NV_HAS_CONFIGURED_ZSTACK3 once the coordinator is configured.</summary>
    public const byte ConfiguredMarker = 0x55;

    /// <summary>How long the coordinator may take to come back from SYS_RESET_REQ with SYS_RESET_IND.</summary>
    public TimeSpan ResetTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public async Task<ZnpStartupResult> RunAsync(CancellationToken cancellationToken)
    {
        var reset = session.WaitForAsync(f => ResetIndication.TryParse(f) is not null, "SYS_RESET_IND", ResetTimeout, cancellationToken);
        await session.SendAsync(SysCommands.ResetRequest(ResetType.Soft), cancellationToken);
        await reset;

        var capabilities = SysCommands.ParsePingCapabilities(await session.RequestAsync(SysCommands.Ping(), cancellationToken))
            ?? throw new InvalidDataException("malformed SYS_PING answer");
        var version = VersionResponse.TryParse(await session.RequestAsync(SysCommands.Version(), cancellationToken))
            ?? throw new InvalidDataException("malformed SYS_VERSION answer");
        logger.LogInformation("Zigbee coordinator on {Port}: {Version}, capabilities 0x{Capabilities:X4}", session.Name, version, capabilities);

        var configured = NvReadResponse.TryParse(await session.RequestAsync(SysCommands.NvRead(NvIds.HasConfiguredZStack3), cancellationToken));
        var formed = configured is { Status: MtStatus.Success, Value: [ConfiguredMarker, ..] };
        NetworkParameters? parameters = null;
        if (!formed)
        {
            parameters = NetworkParameters.Random(options.Channel);
            logger.LogInformation("Zigbee coordinator holds no network: forming PAN 0x{PanId:X4} on channel {Channel}", parameters.PanId, parameters.Channel);
            await WriteNetworkAsync(parameters, cancellationToken);
        }

        var info = DeviceInfo.TryParse(await session.RequestAsync(UtilCommands.GetDeviceInfo(), cancellationToken))
            ?? throw new InvalidDataException("malformed UTIL_GET_DEVICE_INFO answer");

        var register = await session.RequestAsync(AfCommands.Register(GatewayEndpoint, AfCommands.HomeAutomationProfile, ConfigurationToolDeviceId, 0, [], []), cancellationToken);
        if (SysCommands.StatusOf(register) is not (MtStatus.Success or 0xB8)) throw new InvalidDataException($"AF_REGISTER failed with status {SysCommands.StatusOf(register)}");

        var coordinator = session.WaitForAsync(f => ZdoCommands.ParseStateChange(f) == ZdoState.Coordinator, "coordinator state (ZDO_STATE_CHANGE_IND 9)",
            TimeSpan.FromSeconds(options.StartupTimeoutSeconds), cancellationToken);
        var started = ZdoCommands.ParseStartupResult(await session.RequestAsync(ZdoCommands.StartupFromApp(), cancellationToken))
            ?? throw new InvalidDataException("malformed ZDO_STARTUP_FROM_APP answer");
        if (started == StartupResult.LeaveAndNotStarted) throw new InvalidDataException("the coordinator did not start its network");
        await coordinator;

        if (!formed) await WriteAsync(NvIds.HasConfiguredZStack3, [ConfiguredMarker], cancellationToken);
        logger.LogInformation("Zigbee coordinator {Ieee:X16} started ({Result})", info.IeeeAddress, started);
        return new ZnpStartupResult(version, capabilities, info.IeeeAddress, started, parameters);
    }

    private async Task WriteNetworkAsync(NetworkParameters parameters, CancellationToken cancellationToken)
    {
        var buffer = new byte[8];
        // ZCD_NV_STARTUP_OPTION is left alone: it acts at the next reset, and "clear state" there would wipe the
        // network formed now at the next start-up.
        await WriteAsync(NvIds.LogicalType, [0x00], cancellationToken);   // coordinator
        BinaryPrimitives.WriteUInt16LittleEndian(buffer, parameters.PanId);
        await WriteAsync(NvIds.PanId, buffer.AsSpan(0, 2).ToArray(), cancellationToken);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, parameters.ExtendedPanId);
        await WriteAsync(NvIds.ExtendedPanId, buffer.ToArray(), cancellationToken);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, parameters.ChannelMask);
        await WriteAsync(NvIds.ChannelList, buffer.AsSpan(0, 4).ToArray(), cancellationToken);
        await WriteAsync(NvIds.PreconfiguredKeysEnable, [0x01], cancellationToken);
        await WriteAsync(NvIds.PreconfiguredKey, parameters.NetworkKey, cancellationToken);
        await WriteAsync(NvIds.ZdoDirectCallback, [0x01], cancellationToken);
    }

    private async Task WriteAsync(ushort id, byte[] value, CancellationToken cancellationToken)
    {
        var status = SysCommands.StatusOf(await session.RequestAsync(SysCommands.NvWrite(id, value), cancellationToken));
        if (status != MtStatus.Success) throw new InvalidDataException($"writing NV item 0x{id:X4} failed with status {status}");
    }
}
