using Gateway.Core.Model;
using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Protocol.Erp;
using Gateway.Radio.EnOcean.Protocol.Esp3;

namespace Gateway.Radio.EnOcean.Tests;

internal static class Telegrams
{
    public const uint Sender = 0x0181B744;

    public static Erp1Telegram Received(byte rorg, byte[] payload, byte status = 0x00) =>
        new(rorg, payload, Sender, status, Erp1Telegram.Broadcast, -60, 1);

    public static Erp1Telegram Bs4(byte db3, byte db2, byte db1, byte db0) => Received(Rorg.Bs4, [db3, db2, db1, db0]);

    /// <summary>Reads one frame with a fresh reader and parses it as ERP1; fails the test if either step fails.</summary>
    public static Erp1Telegram FromFrame(string hex)
    {
        var reader = new Esp3FrameReader();
        reader.Append(Hex.Bytes(hex));
        Assert.True(reader.TryRead(out var packet));
        Assert.True(Erp1Telegram.TryParse(packet, out var telegram));
        return telegram;
    }

    public static IReadOnlyList<DeviceState> Decode(string profile, Erp1Telegram telegram)
    {
        var decoder = EepDecoders.Find(EepProfile.Parse(profile));
        Assert.NotNull(decoder);
        return decoder.Decode(telegram);
    }

    public static DeviceState Single(IReadOnlyList<DeviceState> states, string name) => Assert.Single(states, s => s.Name == name);

    public static double Number(IReadOnlyList<DeviceState> states, string name)
    {
        var state = Single(states, name);
        Assert.Equal(StateType.Float, state.Type);
        return state.Value.GetDouble();
    }

    public static string Text(IReadOnlyList<DeviceState> states, string name)
    {
        var state = Single(states, name);
        Assert.Equal(StateType.String, state.Type);
        return state.Value.GetString()!;
    }

    public static int Integer(IReadOnlyList<DeviceState> states, string name)
    {
        var state = Single(states, name);
        Assert.Equal(StateType.Int, state.Type);
        return state.Value.GetInt32();
    }
}
