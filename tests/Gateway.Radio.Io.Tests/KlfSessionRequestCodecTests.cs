using Gateway.Radio.Io.Devices;
using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Tests;

/// <summary>Limitation status, wink and node name frames checked against the byte strings pyvlx's tests carry.</summary>
public class KlfSessionRequestCodecTests
{
    private static string Zeros(int count) => string.Concat(Enumerable.Repeat("00", count));

    [Fact]
    public void Limitation_status_request_for_one_node_minimum_and_two_nodes_maximum_matches_pyvlx()
    {
        var minimum = new LimitationStatusRequest(1, [1], LimitationStatusRequest.MinimumLimitation);
        Assert.Equal(Hex.Bytes("00 1C 03 12 00 01 01 01" + Zeros(19) + "00 00 0C"), new KlfFrame(KlfCommand.GetLimitationStatusReq, minimum.ToData()).ToRaw());

        var maximum = Hex.Bytes("00 1C 03 12 00 02 02 01 02" + Zeros(18) + "00 01 0F");
        Assert.Equal(maximum, new KlfFrame(KlfCommand.GetLimitationStatusReq, new LimitationStatusRequest(2, [1, 2], LimitationStatusRequest.MaximumLimitation).ToData()).ToRaw());
        Assert.Equal(KlfFrameError.None, KlfFrame.TryParse(maximum, out var frame));
        var parsed = LimitationStatusRequest.Parse(frame!.Data);
        Assert.Equal([1, 2], parsed.NodeIds);
        Assert.Equal(LimitationStatusRequest.MaximumLimitation, parsed.LimitationType);
        Assert.Equal(2, parsed.SessionId);
    }

    [Fact]
    public void Limitation_status_notification_from_pyvlx_reads_its_range_and_originator()
    {
        var raw = Hex.Bytes("00 0D 03 14 00 01 01 00 BA 34 F7 FF 01 00 9D");
        Assert.Equal(KlfFrameError.None, KlfFrame.TryParse(raw, out var frame));
        Assert.Equal(KlfCommand.LimitationStatusNtf, frame!.Command);
        var status = LimitationStatus.Parse(frame.Data);
        Assert.Equal(new LimitationStatus(1, 1, 0, 47668, 63487, 1, 0), status);
        Assert.Equal(raw, new KlfFrame(KlfCommand.LimitationStatusNtf, status.ToData()).ToRaw());
    }

    [Fact]
    public void Limits_become_closures_and_an_unknown_side_is_no_limit()
    {
        var pyvlx = new LimitationStatus(1, 1, 0, 47668, 63487, 1, 0);
        var limits = IoLimits.From(pyvlx, pyvlx);
        Assert.Equal(new IoLimits(93, 100, 1), limits);
        Assert.Equal("user", limits.States().Single(s => s.Name == IoLimits.OriginatorState).Value.GetString());

        var free = IoLimits.From(new LimitationStatus(1, 1, 0, 0, IoParameter.Closed, 0, 253), new LimitationStatus(2, 1, 0, 0, IoParameter.Closed, 0, 253));
        Assert.False(free.Limited);
        Assert.Equal([IoLimits.MinimumClosureState, IoLimits.MaximumClosureState], free.States().Select(s => s.Name));

        var wind = IoLimits.From(null, new LimitationStatus(2, 1, 0, 0, IoParameter.FromClosure(40), 9, 0));
        Assert.Equal(new IoLimits(0, 40, 9), wind);
        Assert.Equal("wind", wind.States().Single(s => s.Name == IoLimits.OriginatorState).Value.GetString());
    }

    [Fact]
    public void Wink_send_for_two_nodes_for_the_manufacturer_time_matches_pyvlx()
    {
        var expected = Hex.Bytes("01 02 01 03 01 FE 02 01 02" + Zeros(18));
        var request = new WinkSendRequest(258, [1, 2], WinkSendRequest.ManufacturerTime);
        Assert.Equal(expected, request.ToData());
        var parsed = WinkSendRequest.Parse(expected);
        Assert.Equal([1, 2], parsed.NodeIds);
        Assert.Equal(258, parsed.SessionId);
        Assert.Equal(254, parsed.WinkTime);
        Assert.True(parsed.Enable);
        Assert.Equal(Hex.Bytes("01 02 01"), KlfMessages.SessionConfirmation(KlfCommand.WinkSendCfm, 258, true).Data);
    }

    [Fact]
    public void Set_node_name_request_and_confirmation_match_pyvlx()
    {
        var expected = Hex.Python(@"\x00D\x02\x08\x04Fnord" + string.Concat(Enumerable.Repeat(@"\x00", 59)) + @"\x1b");
        Assert.Equal(expected, KlfMessages.SetNodeName(4, "Fnord").ToRaw());
        Assert.Equal((4, "Fnord"), KlfMessages.NodeNameOf(KlfMessages.SetNodeName(4, "Fnord").Data));
        Assert.Equal(Hex.Python(@"\x00\x05\x02\t\x00\x17\x19"), KlfMessages.SetNodeNameConfirmation(23, KlfMessages.NameAccepted).ToRaw());
    }

    [Fact]
    public void A_name_longer_than_64_bytes_is_cut_on_a_character_boundary()
    {
        var name = new string('x', 63) + "é";
        Assert.Equal(new string('x', 63), KlfMessages.NodeNameOf(KlfMessages.SetNodeName(1, name).Data).Name);
    }
}
