using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Tests;

/// <summary>Frames checked against the byte strings pyvlx's own tests carry for the same messages.</summary>
public class KlfCodecTests
{
    [Fact]
    public void Get_state_request_is_protocol_length_command_and_xor()
    {
        Assert.Equal(Hex.Bytes("00 03 00 0C 0F"), KlfFrame.Of(KlfCommand.GetStateReq).ToRaw());
    }

    [Fact]
    public void Password_enter_pads_the_password_to_32_bytes()
    {
        var expected = Hex.Python(@"\x00#0\x00fnord" + string.Concat(Enumerable.Repeat(@"\x00", 27)) + "b");
        Assert.Equal(expected, KlfMessages.PasswordEnter("fnord").ToRaw());
        Assert.Equal("fnord", KlfMessages.PasswordOf(KlfMessages.PasswordEnter("fnord").Data));
    }

    [Fact]
    public void Password_of_32_characters_fills_the_field_and_a_longer_one_is_refused()
    {
        Assert.Equal(Hex.Python(@"\x00#0\x00" + new string('x', 32) + @"\x13"), KlfMessages.PasswordEnter(new string('x', 32)).ToRaw());
        Assert.Throws<ArgumentException>(() => KlfMessages.PasswordEnter(new string('x', 33)));
    }

    [Fact]
    public void Command_send_for_three_nodes_at_75_percent_matches_pyvlx()
    {
        var expected = Hex.Python(@"\x00E\x03\x00\x03\xe8\x02\x03\x00\x00\x00\x96\x00" + string.Concat(Enumerable.Repeat(@"\x00", 32))
            + @"\x03\x01\x02\x03" + string.Concat(Enumerable.Repeat(@"\x00", 21)) + "9");
        var request = new CommandSendRequest(1000, [1, 2, 3], IoParameter.FromClosure(75)) { Originator = 2 };
        Assert.Equal(expected, new KlfFrame(KlfCommand.CommandSendReq, request.ToData()).ToRaw());

        Assert.Equal(KlfFrameError.None, KlfFrame.TryParse(expected, out var frame));
        var parsed = CommandSendRequest.Parse(frame!.Data);
        Assert.Equal([1, 2, 3], parsed.NodeIds);
        Assert.Equal(0x9600, parsed.MainParameter);
        Assert.Equal(1000, parsed.SessionId);
        Assert.Equal(2, parsed.Originator);
    }

    [Fact]
    public void Node_state_position_changed_from_pyvlx_reads_closed_at_node_5()
    {
        var raw = Hex.Python(@"\x00\x17\x02\x11\x05\x05\xc8\x00\xc8\x00\xf7\xff\xf7\xff\xf7\xff\xf7\xff\x00\x00L\xcf\x00\x00\x87");
        Assert.Equal(KlfFrameError.None, KlfFrame.TryParse(raw, out var frame));
        Assert.Equal(KlfCommand.NodeStatePositionChangedNtf, frame!.Command);
        var changed = NodePositionChanged.Parse(frame.Data);
        Assert.Equal(5, changed.NodeId);
        Assert.Equal(NodeOperatingState.Done, changed.OperatingState);
        Assert.Equal(IoParameter.Closed, changed.CurrentPosition);
        Assert.Equal(IoParameter.Unknown, changed.FunctionalPositions[3]);
        Assert.Equal(1288634368u, changed.Timestamp);
        Assert.Equal(raw, new KlfFrame(frame.Command, changed.ToData()).ToRaw());
    }

    [Fact]
    public void Run_status_from_pyvlx_reads_session_status_and_value()
    {
        var raw = Hex.Python(@"\x00\x10\x03\x02\x03\xe8\x07\x17*\x059\x00\x00\x00\x00\x00\x00\xfc");
        Assert.Equal(KlfFrameError.None, KlfFrame.TryParse(raw, out var frame));
        var status = CommandRunStatus.Parse(frame!.Data);
        Assert.Equal(new CommandRunStatus(1000, 7, 23, 42, 1337, 0, 0, 0), status);
        Assert.Equal(raw, new KlfFrame(KlfCommand.CommandRunStatusNtf, status.ToData()).ToRaw());
    }

    [Fact]
    public void All_nodes_information_notification_from_pyvlx_reads_every_field()
    {
        var raw = Hex.Python(
            @"\x00\x7f\x02\x04\x17\x04\xd2\x02Fnord23" + string.Concat(Enumerable.Repeat(@"\x00", 57))
            + @"\x01\x00@\x17\r\x01\x01\x07\x01\x02\x03\x04\x05\x06\x06\x08\x01\x00\x0c\x00{\x04\xd2\t)\r\x80\x11"
            + @"\xd7\x00\x01\x03\x03\x02\x03\x0501234567890123456789\x71");
        Assert.Equal(KlfFrameError.None, KlfFrame.TryParse(raw, out var frame));
        var node = NodeInformation.Parse(frame!.Data);
        Assert.Equal(23, node.NodeId);
        Assert.Equal(1234, node.Order);
        Assert.Equal(2, node.Placement);
        Assert.Equal("Fnord23", node.Name);
        Assert.Equal(1, node.Velocity);
        Assert.Equal(0x0040, node.NodeTypeSubtype);
        Assert.Equal(23, node.ProductGroup);
        Assert.Equal(13, node.ProductType);
        Assert.Equal(7, node.BuildNumber);
        Assert.Equal("01:02:03:04:05:06:06:08", node.SerialText);
        Assert.Equal(12, node.CurrentPosition);
        Assert.Equal(123, node.Target);
        Assert.Equal(4567, node.FunctionalPositions[3]);
        Assert.Equal(1, node.RemainingTime);
        Assert.Equal(50528771u, node.Timestamp);
        Assert.Equal(raw, new KlfFrame(frame.Command, node.ToData()).ToRaw());
    }

    [Fact]
    public void System_table_objects_carry_a_little_endian_io_address()
    {
        var entries = new[] { new SystemTableEntry(0, 0x5A75A5, 0x0080, 1, SystemTableEntry.ManufacturerSomfy, 0x123456) };
        var data = SystemTableEntry.NotificationData(entries, 0);
        Assert.Equal(Hex.Bytes("01 00 A5 75 5A 00 80 01 02 56 34 12 00"), data);
        var (parsed, remaining) = SystemTableEntry.ParseNotification(data);
        Assert.Equal(entries, parsed);
        Assert.Equal(0, remaining);
    }

    [Fact]
    public void Discovery_result_bit_arrays_put_node_n_at_bit_n_mod_8_of_byte_n_div_8()
    {
        var result = new DiscoverNodesResult([0, 9, 199], [3], [], [], [], DiscoverNodesResult.StatusOk);
        var data = result.ToData();
        Assert.Equal(DiscoverNodesResult.Size, data.Length);
        Assert.Equal(0x01, data[0]);
        Assert.Equal(0x02, data[1]);
        Assert.Equal(0x80, data[24]);
        Assert.Equal(0x08, data[26]);
        var parsed = DiscoverNodesResult.Parse(data);
        Assert.Equal([0, 9, 199], parsed.Added);
        Assert.Equal([3], parsed.RfError);
    }

    [Fact]
    public void Short_or_wrong_frames_are_named_not_thrown()
    {
        Assert.Equal(KlfFrameError.TooShort, KlfFrame.TryParse(Hex.Bytes("00 03 00"), out _));
        Assert.Equal(KlfFrameError.WrongProtocol, KlfFrame.TryParse(Hex.Bytes("01 03 00 0C 0E"), out _));
        Assert.Equal(KlfFrameError.WrongLength, KlfFrame.TryParse(Hex.Bytes("00 04 00 0C 0B"), out _));
        Assert.Equal(KlfFrameError.WrongChecksum, KlfFrame.TryParse(Hex.Bytes("00 03 00 0C 0E"), out _));
        Assert.Throws<InvalidDataException>(() => NodePositionChanged.Parse(new byte[19]));
    }
}
