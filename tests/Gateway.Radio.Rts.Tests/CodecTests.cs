using Gateway.Radio.Rts.Protocol;

namespace Gateway.Radio.Rts.Tests;

/// <summary>Byte layouts checked against the RFXtrx SDK structures and the examples published with rfxcom libraries.</summary>
public class CodecTests
{
    [Fact]
    public void An_rfy_erase_all_encodes_as_the_documented_thirteen_bytes()
    {
        // node-rfxcom's test: address 0x010203 unit 1, command eraseall, sequence 0.
        var frame = new RfyPacket(RfySubtype.Rfy, new RfyAddress(0x010203, 1), RfyCommand.EraseAll).ToFrame(0);
        Assert.Equal(Hex("0C1A0000010203010E00000000"), frame.Encode());
    }

    [Theory]
    [InlineData(RfyCommand.Stop, 0x00)]
    [InlineData(RfyCommand.Up, 0x01)]
    [InlineData(RfyCommand.Down, 0x03)]
    [InlineData(RfyCommand.ListRemotes, 0x06)]
    [InlineData(RfyCommand.Program, 0x07)]
    [InlineData(RfyCommand.EraseThis, 0x0D)]
    [InlineData(RfyCommand.Up05Seconds, 0x0F)]
    [InlineData(RfyCommand.Down05Seconds, 0x10)]
    [InlineData(RfyCommand.Up2Seconds, 0x11)]
    [InlineData(RfyCommand.Down2Seconds, 0x12)]
    public void Rfy_command_bytes_are_the_sdks(RfyCommand command, byte expected)
    {
        var bytes = new RfyPacket(RfySubtype.RfyExt, new RfyAddress(0x0A0001, 0x0F), command).ToFrame(0x42).Encode();
        Assert.Equal([0x0C, 0x1A, 0x01, 0x42, 0x0A, 0x00, 0x01, 0x0F, expected, 0, 0, 0, 0], bytes);
        Assert.True(RfxFrame.TryDecode(bytes, out var frame));
        Assert.True(RfyPacket.TryParse(frame, out var parsed));
        Assert.Equal(command, parsed.Command);
        Assert.Equal(new RfyAddress(0x0A0001, 0x0F), parsed.Address);
        Assert.Equal(RfySubtype.RfyExt, parsed.Subtype);
    }

    [Fact]
    public void A_long_status_answer_from_e_firmware_1001_parses()
    {
        // A status response recorded from an RFXtrx433E (firmware 1001, type Ext).
        Assert.True(RfxFrame.TryDecode(Hex("140100010253010400070001031C03000000000000"), out var frame));
        Assert.True(InterfaceStatus.TryParse(frame, out var status));
        Assert.Equal(InterfaceCommand.GetStatus, status.Command);
        Assert.Equal(0x53, status.TransceiverType);
        Assert.Equal(1001, status.FirmwareVersion);
        Assert.Equal(InterfaceStatus.FirmwareTypeExt, status.FirmwareType);
        Assert.Equal(0x04, status.Msg3);
        Assert.Equal(0x07, status.Msg5);
        Assert.True(status.CanTransmitRfy);
    }

    [Fact]
    public void A_short_status_answer_of_old_firmware_parses_and_type_1_cannot_transmit_rfy()
    {
        Assert.True(RfxFrame.TryDecode(Hex("0D0100010253FA0400070001031C"), out var ext));
        Assert.True(InterfaceStatus.TryParse(ext, out var extStatus));
        Assert.Equal(250, extStatus.FirmwareVersion);
        Assert.True(extStatus.CanTransmitRfy);

        Assert.True(RfxFrame.TryDecode(Hex("0D01000102535F0000270001031C"), out var type1));
        Assert.True(InterfaceStatus.TryParse(type1, out var type1Status));
        Assert.Equal(95, type1Status.FirmwareVersion);
        Assert.False(type1Status.CanTransmitRfy);
    }

    [Fact]
    public void Interface_commands_are_fourteen_bytes_and_set_mode_carries_frequency_and_protocol_bytes()
    {
        Assert.Equal(Hex("0D00000000000000000000000000"), InterfaceCommand.Create(InterfaceCommand.Reset, 0).Encode());
        Assert.Equal(Hex("0D00000102000000000000000000"), InterfaceCommand.Create(InterfaceCommand.GetStatus, 1).Encode());
        Assert.Equal(Hex("0D00000307000000000000000000"), InterfaceCommand.Create(InterfaceCommand.StartReceiver, 3).Encode());
        Assert.Equal(Hex("0D00000203530000000000000000"), InterfaceCommand.CreateSetMode(2, 0x53, 0, 0, 0, 0).Encode());
        Assert.Equal(Hex("0D00000203530080402010000000"), InterfaceCommand.CreateSetMode(2, 0x53, 0x80, 0x40, 0x20, 0x10).Encode());
    }

    [Theory]
    [InlineData("0402010500", TransmitterResult.Ack)]
    [InlineData("0402010501", TransmitterResult.AckDelayed)]
    [InlineData("0402010502", TransmitterResult.NakNoFrequencyLock)]
    [InlineData("0402010503", TransmitterResult.NakInvalidAddress)]
    [InlineData("0402000500", TransmitterResult.ReceiverLockError)]
    public void Transmitter_responses_parse(string hex, TransmitterResult expected)
    {
        Assert.True(RfxFrame.TryDecode(Hex(hex), out var frame));
        Assert.Equal(5, frame.Sequence);
        Assert.True(TransmitterResponse.TryParse(frame, out var result));
        Assert.Equal(expected, result);
        Assert.Equal(expected is TransmitterResult.Ack or TransmitterResult.AckDelayed, TransmitterResponse.IsAck(result));
    }

    [Fact]
    public void A_remote_list_entry_gives_index_address_unit_and_rolling_code()
    {
        var entry = new RfyRemoteEntry(3, false, new RfyAddress(0x0A0002, 1), 0x0102);
        var bytes = entry.ToFrame().Encode();
        Assert.Equal(Hex("0C0103030A0002010001020000"), bytes);
        Assert.True(RfxFrame.TryDecode(bytes, out var frame));
        Assert.True(RfyRemoteEntry.TryParse(frame, out var parsed));
        Assert.Equal(entry, parsed);
    }

    [Theory]
    [InlineData(RfySubtype.Rfy, 0x000001, 0, true)]
    [InlineData(RfySubtype.Rfy, 0x0FFFFF, 4, true)]
    [InlineData(RfySubtype.Rfy, 0x000001, 5, false)]
    [InlineData(RfySubtype.Rfy, 0x000000, 1, false)]
    [InlineData(RfySubtype.Rfy, 0x100000, 1, false)]
    [InlineData(RfySubtype.RfyExt, 0x000001, 15, true)]
    [InlineData(RfySubtype.Asa, 0x000001, 0, false)]
    [InlineData(RfySubtype.Asa, 0x000001, 5, true)]
    public void Address_ranges_follow_the_subtype(RfySubtype subtype, int id, byte unit, bool valid) =>
        Assert.Equal(valid, new RfyAddress(id, unit).IsValidFor(subtype));

    [Fact]
    public void The_device_url_address_is_the_24_bit_number_and_parses_back()
    {
        var rfy = new RfyAddress(0x0A0001, 1);
        var address = RtsDevice.AddressFor(rfy);
        Assert.Equal("10485777", address);
        Assert.True(RtsDevice.TryParseAddress(address, out var back));
        Assert.Equal(rfy, back);
        Assert.False(RtsDevice.TryParseAddress("0x12", out _));
        Assert.False(RtsDevice.TryParseAddress("99999999", out _));
    }

    internal static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
