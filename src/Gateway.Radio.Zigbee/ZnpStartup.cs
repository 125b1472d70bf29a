using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Protocol.Mt;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// Brings a ZNP coordinator up: soft reset (waits for SYS_RESET_IND), ping, version, device info; writes fresh network
/// parameters into NV when the coordinator holds no network yet; registers the Home Automation endpoint; starts the
/// network and waits for the coordinator state; reads back the network it runs.
/// </summary>
/// <remarks>
/// Z-Stack 3 firmwares (3.0.x on CC2531, 3.x.0 on CC2652/CC1352) start through BDB commissioning: the primary channel
/// mask is set with APP_CNF_BDB_SET_CHANNEL and APP_CNF_BDB_START_COMMISSIONING(formation) forms a new network or, when
/// one is in NV, reports NetworkRestored and then a formation "failure" — the normal resume sequence, as zigpy-znp notes.
/// Z-Stack Home 1.2 starts with ZDO_STARTUP_FROM_APP.
/// </remarks>
public sealed class ZnpStartup(ZnpSession session, ZigbeeRadioOptions options, ILogger logger)
{
    public const byte GatewayEndpoint = 1;

    /// <summary>HA device id of a configuration tool, what coordinators usually register as.</summary>
    public const ushort ConfigurationToolDeviceId = 0x0005;

    /// <summary>Value zigpy-znp writes into ZCD_NV_HAS_CONFIGURED_ZSTACK3 once the coordinator is configured.</summary>
    public const byte ConfiguredMarker = 0x55;

    /// <summary>PAN ID 0xFFFF in NV lets formation pick one; the gateway picks its own instead, so it is known up front.</summary>
    private const byte CoordinatorLogicalType = 0x00;

    /// <summary>How long the coordinator may take to come back from SYS_RESET_REQ with SYS_RESET_IND.</summary>
    public TimeSpan ResetTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>When set, a blank coordinator is formed with these parameters (a restored backup) instead of random ones.</summary>
    public NetworkParameters? FormWith { get; init; }

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
            parameters = FormWith ?? NetworkParameters.Random(options.Channel);
            logger.LogInformation("Zigbee coordinator holds no network: forming PAN 0x{PanId:X4} on channel {Channel}", parameters.PanId, parameters.Channel);
            await WriteNetworkAsync(parameters, cancellationToken);
        }

        var info = DeviceInfo.TryParse(await session.RequestAsync(UtilCommands.GetDeviceInfo(), cancellationToken))
            ?? throw new InvalidDataException("malformed UTIL_GET_DEVICE_INFO answer");

        var register = await session.RequestAsync(AfCommands.Register(GatewayEndpoint, AfCommands.HomeAutomationProfile, ConfigurationToolDeviceId, 0, [], []), cancellationToken);
        if (SysCommands.StatusOf(register) is not (MtStatus.Success or 0xB8)) throw new InvalidDataException($"AF_REGISTER failed with status {SysCommands.StatusOf(register)}");

        var started = version.Product == ZStackProduct.ZStack12
            ? await StartFromAppAsync(cancellationToken)
            : await CommissionAsync(parameters, cancellationToken);

        if (!formed) await WriteAsync(NvIds.HasConfiguredZStack3, [ConfiguredMarker], cancellationToken);
        var network = await ReadNetworkAsync(info.IeeeAddress, cancellationToken);
        logger.LogInformation("Zigbee coordinator {Ieee:X16} started ({Result}): PAN 0x{PanId:X4}, channel {Channel}",
            info.IeeeAddress, started, network.Parameters.PanId, network.Parameters.Channel);
        return new ZnpStartupResult(version, capabilities, info.IeeeAddress, started, parameters) { Network = network };
    }

    /// <summary>Z-Stack Home 1.2: ZDO_STARTUP_FROM_APP forms or resumes what NV describes.</summary>
    private async Task<StartupResult> StartFromAppAsync(CancellationToken cancellationToken)
    {
        var coordinator = WaitForCoordinatorAsync(cancellationToken);
        var started = ZdoCommands.ParseStartupResult(await session.RequestAsync(ZdoCommands.StartupFromApp(), cancellationToken))
            ?? throw new InvalidDataException("malformed ZDO_STARTUP_FROM_APP answer");
        if (started == StartupResult.LeaveAndNotStarted) throw new InvalidDataException("the coordinator did not start its network");
        await coordinator;
        return started;
    }

    /// <summary>
    /// Z-Stack 3: BDB formation. Both the coordinator state and the last notification (no modes remaining) must come,
    /// in whatever order the firmware sends them.
    /// </summary>
    private async Task<StartupResult> CommissionAsync(NetworkParameters? forming, CancellationToken cancellationToken)
    {
        if (forming is not null)
        {
            await ExpectSuccessAsync(AppConfigCommands.BdbSetChannel(primary: true, forming.ChannelMask), "APP_CNF_BDB_SET_CHANNEL", cancellationToken);
            await ExpectSuccessAsync(AppConfigCommands.BdbSetChannel(primary: false, 0), "APP_CNF_BDB_SET_CHANNEL", cancellationToken);
        }
        var timeout = TimeSpan.FromSeconds(options.StartupTimeoutSeconds);
        var coordinator = WaitForCoordinatorAsync(cancellationToken);
        var done = session.WaitForAsync(f => BdbCommissioningNotification.TryParse(f) is { RemainingModes: BdbCommissioningMode.None, Status: not BdbCommissioningStatus.InProgress },
            "BDB commissioning notification", timeout, cancellationToken);
        using var stopWatchingRestore = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var restored = session.WaitForAsync(f => BdbCommissioningNotification.TryParse(f) is { Status: BdbCommissioningStatus.NetworkRestored },
            "BDB network restored", timeout, stopWatchingRestore.Token);
        await ExpectSuccessAsync(AppConfigCommands.BdbStartCommissioning(BdbCommissioningMode.NetworkFormation), "APP_CNF_BDB_START_COMMISSIONING", cancellationToken);
        var last = BdbCommissioningNotification.TryParse(await done)!;
        await coordinator;
        var wasRestored = restored.IsCompletedSuccessfully;
        await stopWatchingRestore.CancelAsync();
        await ((Task)restored).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (last.Status == BdbCommissioningStatus.Success) return StartupResult.NewNetworkState;
        if (last.Status == BdbCommissioningStatus.FormationFailure && (wasRestored || forming is null)) return StartupResult.RestoredNetworkState;
        throw new InvalidDataException($"BDB network formation failed ({last.Status})");
    }

    private Task<MtFrame> WaitForCoordinatorAsync(CancellationToken cancellationToken) =>
        session.WaitForAsync(f => ZdoCommands.ParseStateChange(f) == ZdoState.Coordinator, "coordinator state (ZDO_STATE_CHANGE_IND 9)",
            TimeSpan.FromSeconds(options.StartupTimeoutSeconds), cancellationToken);

    /// <summary>The running network: ZDO_EXT_NWK_INFO for PAN ID, extended PAN ID and channel, NV for the key and frame counter.</summary>
    public async Task<CoordinatorNetwork> ReadNetworkAsync(ulong ieee, CancellationToken cancellationToken)
    {
        var running = ExtendedNetworkInfo.TryParse(await session.RequestAsync(ZdoCommands.ExtNwkInfo(), cancellationToken))
            ?? throw new InvalidDataException("malformed ZDO_EXT_NWK_INFO answer");
        var active = NvReadResponse.TryParse(await session.RequestAsync(SysCommands.NvRead(NvIds.NwkActiveKeyInfo), cancellationToken));
        byte[] key;
        if (active is { Status: MtStatus.Success, Value.Length: >= 17 }) key = active.Value[1..17];
        else
        {
            var preconfigured = NvReadResponse.TryParse(await session.RequestAsync(SysCommands.NvRead(NvIds.PreconfiguredKey), cancellationToken));
            key = preconfigured is { Status: MtStatus.Success, Value.Length: >= 16 } ? preconfigured.Value[..16] : [];
        }
        var nwkKey = NvReadResponse.TryParse(await session.RequestAsync(SysCommands.NvRead(NvIds.NwkKey), cancellationToken));
        uint? frameCounter = nwkKey is { Status: MtStatus.Success, Value.Length: >= 21 } ? BinaryPrimitives.ReadUInt32LittleEndian(nwkKey.Value.AsSpan(17)) : null;
        return new CoordinatorNetwork(ieee, new NetworkParameters(running.PanId, running.ExtendedPanId, running.Channel, key), frameCounter);
    }

    /// <summary>
    /// Makes the coordinator blank at its next reset (ZCD_STARTOPT_CLEAR_STATE, configured marker cleared), so the
    /// next start-up forms again: how a backup is restored onto a coordinator that runs another network.
    /// </summary>
    public async Task ClearNetworkAtNextResetAsync(CancellationToken cancellationToken)
    {
        await WriteAsync(NvIds.HasConfiguredZStack3, [0x00], cancellationToken);
        await WriteAsync(NvIds.StartupOption, [ClearStateOption], cancellationToken);
    }

    private const byte ClearStateOption = 0x02;

    private async Task ExpectSuccessAsync(MtFrame request, string name, CancellationToken cancellationToken)
    {
        var status = SysCommands.StatusOf(await session.RequestAsync(request, cancellationToken));
        if (status != MtStatus.Success) throw new InvalidDataException($"{name} failed with status {status}");
    }

    private async Task WriteNetworkAsync(NetworkParameters parameters, CancellationToken cancellationToken)
    {
        var buffer = new byte[8];
        // ZCD_NV_STARTUP_OPTION is left alone: it acts at the next reset, and "clear state" there would wipe the
        // network formed now at the next start-up.
        await WriteAsync(NvIds.LogicalType, [CoordinatorLogicalType], cancellationToken);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer, parameters.PanId);
        await WriteAsync(NvIds.PanId, buffer.AsSpan(0, 2).ToArray(), cancellationToken);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, parameters.ExtendedPanId);
        await WriteAsync(NvIds.ExtendedPanId, buffer.ToArray(), cancellationToken);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, parameters.ChannelMask);
        await WriteAsync(NvIds.ChannelList, buffer.AsSpan(0, 4).ToArray(), cancellationToken);
        await WriteAsync(NvIds.PreconfiguredKeysEnable, [0x01], cancellationToken);
        await WriteAsync(NvIds.PreconfiguredKey, parameters.NetworkKey, cancellationToken);
        await WriteAsync(NvIds.ZdoDirectCallback, [0x01], cancellationToken);
        if (parameters.FrameCounter is { } counter)
        {
            // A restored network must not reuse frame counters its devices have already seen.
            var item = new byte[21];
            parameters.NetworkKey.CopyTo(item, 1);
            BinaryPrimitives.WriteUInt32LittleEndian(item.AsSpan(17), counter);
            await WriteAsync(NvIds.NwkKey, item, cancellationToken);
        }
    }

    private async Task WriteAsync(ushort id, byte[] value, CancellationToken cancellationToken)
    {
        var status = SysCommands.StatusOf(await session.RequestAsync(SysCommands.NvWrite(id, value), cancellationToken));
        if (status != MtStatus.Success) throw new InvalidDataException($"writing NV item 0x{id:X4} failed with status {status}");
    }
}
