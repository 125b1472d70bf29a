using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Tests;

/// <summary>
/// Typed start-up commands. Decoders are checked against frames captured from real coordinators (zigbee-herdsman's
/// parser test, CC253x/CC2652 traces and ZigBee stacks' packet tests); encoders against the MT specification's layout.
/// </summary>
public class StartupCommandTests
{
    private static MtFrame Decode(string hex)
    {
        Assert.Equal(MtDecodeResult.Frame, MtCodec.TryDecode(Hex.Bytes(hex), out var frame, out _));
        return frame!;
    }

    [Fact]
    public void Soft_reset_request_is_an_areq_with_type_1()
    {
        Assert.Equal(Hex.Bytes("FE 01 41 00 01 41"), SysCommands.ResetRequest(ResetType.Soft).Encode());
    }

    [Fact]
    public void Reset_indication_of_a_cc2531_after_power_up_decodes_and_reencodes()
    {
        const string wire = "FE 06 41 80 00 02 01 02 07 01 C0";
        var indication = ResetIndication.TryParse(Decode(wire));
        Assert.Equal(new ResetIndication(ResetReason.PowerUp, 2, 1, 2, 7, 1), indication);
        Assert.Equal(Hex.Bytes(wire), indication!.ToFrame().Encode());
    }

    [Fact]
    public void Ping_answer_carries_the_capability_bitmap()
    {
        Assert.Equal((ushort)0x0179, SysCommands.ParsePingCapabilities(Decode("FE 02 61 01 79 01 1A")));
        Assert.Equal(Hex.Bytes("FE 02 61 01 79 01 1A"), SysCommands.PingResponse(0x0179).Encode());
        Assert.Null(SysCommands.ParsePingCapabilities(Decode("FE 01 45 C0 09 8D")));
    }

    [Fact]
    public void Version_answer_of_a_z_stack_3_firmware_reads_its_build_date()
    {
        var version = VersionResponse.TryParse(Decode("FE 0E 61 02 02 00 02 06 03 D9 14 34 01 02 00 00 00 00 92"));
        Assert.NotNull(version);
        Assert.Equal(2, version.TransportRevision);
        Assert.Equal(ZStackProduct.ZStack12, version.Product);
        Assert.Equal((2, 6, 3), (version.MajorRelease, version.MinorRelease, version.MaintenanceRelease));
        Assert.Equal(20190425u, version.Revision);
    }

    [Fact]
    public void Version_answer_of_an_old_firmware_has_no_revision()
    {
        var frame = new MtFrame(MtType.Srsp, MtSubsystem.Sys, SysCommands.VersionId, [2, 0, 2, 6, 1]);
        Assert.Null(VersionResponse.TryParse(frame)!.Revision);
        Assert.Null(VersionResponse.TryParse(new MtFrame(MtType.Srsp, MtSubsystem.Sys, SysCommands.VersionId, [2, 0])));
    }

    [Fact]
    public void Nv_read_and_write_put_the_item_id_little_endian()
    {
        Assert.Equal(Hex.Bytes("FE 03 21 08 83 00 00 A9"), SysCommands.NvRead(NvIds.PanId).Encode());
        Assert.Equal(Hex.Bytes("FE 06 21 09 83 00 00 02 62 1A D7"), SysCommands.NvWrite(NvIds.PanId, [0x62, 0x1A]).Encode());
    }

    [Fact]
    public void Nv_read_answer_returns_the_value_and_a_failed_read_its_status()
    {
        var ok = NvReadResponse.TryParse(new NvReadResponse(MtStatus.Success, [0x62, 0x1A]).ToFrame());
        Assert.Equal(MtStatus.Success, ok!.Status);
        Assert.Equal(new byte[] { 0x62, 0x1A }, ok.Value);
        var missing = NvReadResponse.TryParse(new MtFrame(MtType.Srsp, MtSubsystem.Sys, SysCommands.OsalNvReadId, [MtStatus.NvItemUninitialised, 0]));
        Assert.Equal(MtStatus.NvItemUninitialised, missing!.Status);
        Assert.Empty(missing.Value);
    }

    [Fact]
    public void Device_info_round_trips_with_children()
    {
        Assert.Equal(Hex.Bytes("FE 00 27 00 27"), UtilCommands.GetDeviceInfo().Encode());
        var info = new DeviceInfo(MtStatus.Success, 0x00124B0018ED3A6Bul, 0x0000, 0x07, ZdoState.Coordinator, [0x2F2A, 0x5F67]);
        var frame = info.ToFrame();
        Assert.Equal(Hex.Bytes("00 6B 3A ED 18 00 4B 12 00 00 00 07 09 02 2A 2F 67 5F"), frame.Data);
        var parsed = DeviceInfo.TryParse(frame);
        Assert.Equal(info.IeeeAddress, parsed!.IeeeAddress);
        Assert.Equal(ZdoState.Coordinator, parsed.State);
        Assert.Equal(new ushort[] { 0x2F2A, 0x5F67 }, parsed.AssociatedDevices);
    }

    [Fact]
    public void Af_register_of_endpoint_1_in_the_home_automation_profile()
    {
        var frame = AfCommands.Register(1, AfCommands.HomeAutomationProfile, 0x0005, 0, [], []);
        Assert.Equal(Hex.Bytes("FE 09 24 00 01 04 01 05 00 00 00 00 00 2C"), frame.Encode());
        var withClusters = AfCommands.Register(1, AfCommands.HomeAutomationProfile, 0x0005, 0, [0x0000, 0x0006], [0x0500]);
        Assert.Equal(Hex.Bytes("01 04 01 05 00 00 00 02 00 00 06 00 01 00 05"), withClusters.Data);
    }

    [Fact]
    public void Incoming_message_from_a_coordinator_trace_decodes()
    {
        var message = IncomingMessage.TryParse(Decode(
            "FE 36 44 81 00 00 00 00 F1 0E 01 01 00 5E 00 FC 7B 01 00 00 25 18 00 0D 01 00 00 20 01 00 20 02 00 20 03 " +
            "00 20 04 00 42 05 00 42 06 00 42 07 00 30 10 00 00 00 00 00 00 00 00 87"));
        Assert.NotNull(message);
        Assert.Equal(0x0000, message.ClusterId);
        Assert.Equal(0x0EF1, message.SourceAddress);
        Assert.Equal((1, 1), (message.SourceEndpoint, message.DestinationEndpoint));
        Assert.False(message.WasBroadcast);
        Assert.Equal(0x5E, message.LinkQuality);
        Assert.Equal(0x00017BFCu, message.Timestamp);
        Assert.Equal(0x25, message.Payload.Length);
        Assert.Equal(Hex.Bytes("18 00 0D"), message.Payload[..3]);
        Assert.Equal(message.Payload, IncomingMessage.TryParse(message.ToFrame())!.Payload);
    }

    [Fact]
    public void Incoming_message_whose_length_overruns_the_frame_is_rejected()
    {
        var frame = new IncomingMessage(0, 6, 0x1234, 1, 1, false, 200, false, 0, 7, [0x18, 0x07, 0x0A]).ToFrame();
        var cut = new MtFrame(frame.Type, frame.Subsystem, frame.Command, frame.Data[..^1]);
        Assert.Null(IncomingMessage.TryParse(cut));
    }

    [Theory]
    [InlineData("FE 0D 45 C1 2A 2F 2A 2F F9 41 F6 02 00 4B 12 00 00 9C", 0x2F2A, 0x00124B0002F641F9ul, 0x00)]
    [InlineData("FE 0D 45 C1 67 5F 67 5F 52 98 C3 0C 00 4B 12 00 80 55", 0x5F67, 0x00124B000CC39852ul, 0x80)]
    public void End_device_announcements_from_real_joins_decode(string wire, int network, ulong ieee, byte capabilities)
    {
        var announcement = EndDeviceAnnouncement.TryParse(Decode(wire));
        Assert.Equal(new EndDeviceAnnouncement((ushort)network, (ushort)network, ieee, capabilities), announcement);
        Assert.Equal(Hex.Bytes(wire), announcement!.ToFrame().Encode());
    }

    [Fact]
    public void Mains_powered_router_capabilities_are_read()
    {
        var router = new EndDeviceAnnouncement(1, 1, 1, 0x8E);
        Assert.True(router.MainsPowered);
        Assert.True(router.ReceiverOnWhenIdle);
        Assert.False(new EndDeviceAnnouncement(1, 1, 1, 0x80).MainsPowered);
    }

    [Fact]
    public void Startup_from_app_and_its_answer()
    {
        Assert.Equal(Hex.Bytes("FE 02 25 40 64 00 03"), ZdoCommands.StartupFromApp(100).Encode());
        Assert.Equal(StartupResult.RestoredNetworkState, ZdoCommands.ParseStartupResult(Decode("FE 01 65 40 00 24")));
        Assert.Equal(StartupResult.NewNetworkState, ZdoCommands.ParseStartupResult(ZdoCommands.StartupResponse(StartupResult.NewNetworkState)));
    }

    [Fact]
    public void State_change_to_coordinator_decodes()
    {
        Assert.Equal(ZdoState.Coordinator, ZdoCommands.ParseStateChange(Decode("FE 01 45 C0 09 8D")));
        Assert.Null(ZdoCommands.ParseStateChange(Decode("FE 00 21 01 20")));
    }

    [Fact]
    public void Permit_join_broadcasts_to_routers_and_coordinator()
    {
        Assert.Equal(Hex.Bytes("FE 05 25 36 0F FC FF FE 01 E5"), ZdoCommands.PermitJoin(254).Encode());
        Assert.Equal(Hex.Bytes("02 00 00 00 00"), ZdoCommands.PermitJoin(0, ZdoCommands.AddressModeShort, 0x0000, false).Data);
    }
}
