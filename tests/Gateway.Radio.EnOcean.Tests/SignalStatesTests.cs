using Gateway.Radio.EnOcean.Protocol.Eep;

namespace Gateway.Radio.EnOcean.Tests;

public class SignalStatesTests
{
    [Theory]
    [InlineData(-120, 0, "verylow")]
    [InlineData(-100, 0, "verylow")]
    [InlineData(-83, 24, "verylow")]
    [InlineData(-82, 26, "low")]
    [InlineData(-65, 50, "normal")]
    [InlineData(-48, 74, "normal")]
    [InlineData(-47, 76, "good")]
    [InlineData(-30, 100, "good")]
    [InlineData(0, 100, "good")]
    public void Scales_dbm_from_minus_100_to_minus_30(int dbm, int level, string discrete)
    {
        var states = SignalStates.From(dbm);

        Assert.Equal(level, Telegrams.Integer(states, EepStateNames.RssiLevelState));
        Assert.Equal(discrete, Telegrams.Text(states, EepStateNames.DiscreteRssiLevelState));
    }
}
