using Gateway.Radio.Zigbee.Zcl;

namespace Gateway.Radio.Zigbee.Tests.Zcl;

/// <summary>
/// Global commands of ZCL spec §2.5. Decoded vectors are frames from zigbee-herdsman's test/zcl.test.ts (named after
/// the test they come from); encoded ones follow the record layouts of the spec sections named.
/// </summary>
public class ZclGlobalCommandTests
{
    private static ZclFrame Decode(string hex)
    {
        Assert.True(ZclCodec.TryDecode(Hex.Bytes(hex), out var frame));
        return frame;
    }

    [Fact]
    public void Read_attributes_lists_the_ids_little_endian()
    {
        // §2.5.1: frame control 0x00, sequence, command 0x00, then each attribute identifier.
        var frame = ZclGlobal.ReadAttributes(0x01, 0x0004, 0x0005, 0x4000);
        Assert.Equal(Hex.Bytes("00 01 00 04 00 05 00 00 40"), ZclCodec.Encode(frame));
        Assert.True(ReadAttributesRequest.TryParse(frame, out var request));
        Assert.Equal([0x0004, 0x0005, 0x4000], request.AttributeIds);
    }

    [Fact]
    public void Reading_manufacturer_attributes_sets_the_manufacturer_bit_and_code()
    {
        var frame = ZclGlobal.ReadManufacturerAttributes(0x02, 0x115F, 0xFF01);
        Assert.Equal(Hex.Bytes("04 5F 11 02 00 01 FF"), ZclCodec.Encode(frame));
    }

    [Fact]
    public void A_read_attributes_response_carries_the_value_of_a_successful_record()
    {
        // herdsman "ZclFrame from buffer readRsp success": genBasic appVersion uint8 3.
        Assert.True(ReadAttributesResponse.TryParse(Decode("08 01 01 01 00 00 20 03"), out var response));
        var record = Assert.Single(response.Records);
        Assert.Equal(new ReadAttributeRecord(0x0001, ZclStatus.Success, ZclValue.UInt8(3)), record);
    }

    [Fact]
    public void A_read_attributes_response_keeps_the_status_of_a_failed_record()
    {
        // herdsman "ZclFrame from buffer readRsp failed".
        Assert.True(ReadAttributesResponse.TryParse(Decode("08 01 01 01 00 02"), out var response));
        Assert.Equal(new ReadAttributeRecord(0x0001, (ZclStatus)0x02, null), Assert.Single(response.Records));
        Assert.Empty(response.Values);
    }

    [Fact]
    public void A_read_attributes_response_mixes_successes_and_unsupported_attributes()
    {
        var frame = ZclGlobal.ReadAttributesResponse(7,
        [
            new ReadAttributeRecord(0x0004, ZclStatus.Success, ZclValue.CharString("IKEA")),
            new ReadAttributeRecord(0x4000, ZclStatus.UnsupportedAttribute, null),
        ]);
        Assert.Equal(Hex.Bytes("18 07 01 04 00 00 42 04 49 4B 45 41 00 40 86"), ZclCodec.Encode(frame));
        Assert.True(ReadAttributesResponse.TryParse(frame, out var response));
        Assert.Equal("IKEA", Assert.Single(response.Values).Value.AsString());
        Assert.Equal(ZclStatus.UnsupportedAttribute, response.Records[1].Status);
    }

    [Fact]
    public void A_read_attributes_response_with_an_unknown_type_fails_cleanly()
    {
        Assert.False(ReadAttributesResponse.TryParse(Decode("08 01 01 01 00 00 05 03"), out _));
    }

    [Fact]
    public void A_data8_alias_type_reads()
    {
        // herdsman "ZclFrame from buffer readRsp alias type".
        Assert.True(ReadAttributesResponse.TryParse(Decode("08 01 01 01 00 00 08 03"), out var response));
        Assert.Equal(ZclValue.Of(ZclDataType.Data8, 3), Assert.Single(response.Values).Value);
    }

    [Fact]
    public void An_occupancy_report_decodes()
    {
        // herdsman "ZclFrame from buffer occupancy report": msOccupancySensing occupancy map8 = 1.
        Assert.True(AttributeReport.TryParse(Decode("18 A9 0A 00 00 18 01"), out var report));
        var (id, value) = Assert.Single(report.Attributes);
        Assert.Equal(0x0000, id);
        Assert.Equal(ZclValue.Map8(1), value);
    }

    [Fact]
    public void A_report_with_a_structure_is_read_past_the_structure()
    {
        // herdsman "ZclFrame from buffer struct": manufacturer-specific attribute 0xFF02, a 6-element structure.
        var frame = Decode("1C 34 12 C2 0A 02 FF 4C 06 00 10 01 21 CE 0B 21 A8 43 24 01 00 00 00 00 21 30 02 20 56");
        Assert.Equal((ushort)0x1234, frame.ManufacturerCode);
        Assert.True(AttributeReport.TryParse(frame, out var report));
        var (id, value) = Assert.Single(report.Attributes);
        Assert.Equal(0xFF02, id);
        Assert.Equal(ZclDataType.Struct, value.Type);
    }

    [Fact]
    public void A_xiaomi_blob_whose_string_length_overruns_the_frame_fails_cleanly()
    {
        // herdsman "ZclFrame from buffer xiaomiStruct", second case: the model string, then a 0xFF01 blob typed as a
        // char string whose length byte (0x22 = 34) claims one octet more than the 33 that follow.
        const string report = "1C 5F 11 03 0A 05 00 42 15 6C 75 6D 69 2E 73 65 6E 73 6F 72 5F 77 6C 65 61 6B 2E 61 71 31 01 FF 42 22 01 21 D5 0C 03 28 21 04 21 A8 13 05 21 2B 00 06 24 00 00 05 00 00 08 21 04 02 0A 21 00 00 64 10 00";
        Assert.False(AttributeReport.TryParse(Decode(report), out _));

        // Without the blob, the model string reads.
        Assert.True(AttributeReport.TryParse(Decode(report[..(report.IndexOf(" 01 FF 42", StringComparison.Ordinal))]), out var modelOnly));
        Assert.Equal("lumi.sensor_wleak.aq1", Assert.Single(modelOnly.Attributes).Value.AsString());
    }

    [Fact]
    public void A_default_response_decodes_the_command_and_status()
    {
        // herdsman "ZclFrame from buffer defaultRsp": command 0x0C answered UNSUP_GENERAL_COMMAND.
        Assert.True(DefaultResponse.TryParse(Decode("18 04 0B 0C 82"), out var response));
        Assert.Equal(new DefaultResponse(0x0C, ZclStatus.UnsupGeneralCommand), response);
    }

    [Fact]
    public void A_default_response_answers_with_the_request_sequence_in_the_other_direction()
    {
        var request = ZclFrame.ClusterCommand(0x33, 0x01, []);
        var response = ZclGlobal.DefaultResponse(request, ZclStatus.Success);
        Assert.Equal(Hex.Bytes("18 33 0B 01 00"), ZclCodec.Encode(response));
    }

    [Fact]
    public void A_short_configure_reporting_response_means_every_attribute_succeeded()
    {
        // herdsman "ZclFrame from buffer configReportRsp - short".
        Assert.True(ConfigureReportingResponse.TryParse(Decode("08 01 07 00"), out var response));
        Assert.True(response.AllSucceeded);
    }

    [Fact]
    public void A_long_configure_reporting_response_lists_each_attribute()
    {
        // herdsman "ZclFrame from buffer configReportRsp - long".
        Assert.True(ConfigureReportingResponse.TryParse(Decode("08 01 07 00 01 34 12 01 01 35 12"), out var response));
        Assert.Equal([new(ZclStatus.Success, 1, 0x1234), new((ZclStatus)0x01, 1, 0x1235)], response.Records);
        Assert.False(response.AllSucceeded);
    }

    [Fact]
    public void Configure_reporting_sends_a_reportable_change_only_for_analog_types()
    {
        // §2.5.7: direction, attribute, type, minimum, maximum, reportable change (analog only).
        var frame = ZclGlobal.ConfigureReporting(0x10,
        [
            new ReportingConfiguration(0x0000, ZclDataType.Bool, 0, 300),
            new ReportingConfiguration(0x0000, ZclDataType.Int16, 10, 3600, ZclValue.Int16(50)),
            new ReportingConfiguration(0x0021, ZclDataType.UInt8, 3600, 62000),
        ]);
        Assert.Equal(
            Hex.Bytes("00 10 06 00 00 00 10 00 00 2C 01 00 00 00 29 0A 00 10 0E 32 00 00 21 00 20 10 0E 30 F2 00"),
            ZclCodec.Encode(frame));

        Assert.True(ConfigureReportingRequest.TryParse(frame, out var request));
        Assert.Equal(3, request.Reported.Count);
        Assert.Equal(ZclValue.Int16(50), request.Reported[1].ReportableChange);
        Assert.Null(request.Reported[0].ReportableChange);
    }

    [Fact]
    public void Write_attributes_round_trips()
    {
        var frame = ZclGlobal.WriteAttributes(5, (0x0012, ZclValue.Int16(2100)), (0x001C, ZclValue.Enum8(4)));
        Assert.Equal(Hex.Bytes("00 05 02 12 00 29 34 08 1C 00 30 04"), ZclCodec.Encode(frame));
        Assert.True(WriteAttributesRequest.TryParse(frame, out var request));
        Assert.Equal([(0x0012, ZclValue.Int16(2100)), (0x001C, ZclValue.Enum8(4))], request.Attributes);
    }

    [Fact]
    public void A_write_attributes_response_reports_failed_attributes()
    {
        Assert.True(WriteAttributesResponse.TryParse(Decode("18 05 04 00"), out var ok));
        Assert.True(ok.AllSucceeded);
        Assert.True(WriteAttributesResponse.TryParse(Decode("18 05 04 88 12 00"), out var failed));
        Assert.Equal(new WriteAttributeStatus(ZclStatus.ReadOnly, 0x0012), Assert.Single(failed.Records));
    }

    [Fact]
    public void A_discover_attributes_response_lists_ids_and_types()
    {
        // herdsman "ZclFrame from buffer discoverRsp": genPowerCfg.
        Assert.True(DiscoverAttributesResponse.TryParse(Decode("18 17 0D 00 20 00 20 21 00 20 31 00 30 33 00 20 35 00 18"), out var response));
        Assert.False(response.Complete);
        Assert.Equal(
            [new(0x0020, ZclDataType.UInt8), new(0x0021, ZclDataType.UInt8), new(0x0031, ZclDataType.Enum8), new(0x0033, ZclDataType.UInt8), new(0x0035, ZclDataType.Map8)],
            response.Attributes);
    }

    [Fact]
    public void Discover_attributes_asks_from_a_start_id()
    {
        var frame = ZclGlobal.DiscoverAttributes(2, 0x0000, 0x10);
        Assert.Equal(Hex.Bytes("00 02 0C 00 00 10"), ZclCodec.Encode(frame));
        Assert.True(DiscoverAttributesRequest.TryParse(frame, out var request));
        Assert.Equal(new DiscoverAttributesRequest(0, 0x10), request);
    }

    [Fact]
    public void A_parser_refuses_a_frame_of_another_command()
    {
        var report = Decode("18 A9 0A 00 00 18 01");
        Assert.False(ReadAttributesResponse.TryParse(report, out _));
        Assert.False(DefaultResponse.TryParse(report, out _));
        Assert.False(AttributeReport.TryParse(report with { FrameType = ZclFrameType.ClusterSpecific }, out _));
    }
}
