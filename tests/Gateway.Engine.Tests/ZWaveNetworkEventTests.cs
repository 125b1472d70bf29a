using Gateway.Core.Events;
using Gateway.Core.Radio;

namespace Gateway.Engine.Tests;

/// <summary>Z-Wave controller operations and notices become the events a box names for them.</summary>
public class ZWaveNetworkEventTests
{
    [Fact]
    public void Z_Wave_mode_changes_resets_and_foreign_exclusions_are_named_as_a_box_names_them()
    {
        var h = new EngineHarness();
        h.Registry.Apply("zwave", new NetworkOperationReported(IRadioControllerManagement.SetMode, true));
        h.Registry.Apply("zwave", new NetworkOperationReported(IRadioControllerManagement.SetMode, false));
        h.Registry.Apply("zwave", new NetworkOperationReported(IRadioControllerManagement.Reset, true));
        h.Registry.Apply("zwave", new RadioNoticeReported("ExclusionInOtherNetwork"));

        Assert.Equal(["ZWaveSetModeCompleteEvent", "ZWaveSetModeFailedEvent", "ZWaveResetCompleteEvent"], h.Sink.Of<RadioNetworkEvent>().Select(e => e.Name));
        var notice = Assert.Single(h.Sink.Of<RadioNoticeEvent>());
        Assert.Equal("ZWaveExclusionInOtherNetworkEvent", notice.Name);
        var json = System.Text.Encoding.UTF8.GetString(Core.Json.EventJson.Serialize(notice));
        Assert.Contains("\"gatewayId\":\"1234-5678-9012\"", json);
        Assert.Contains("\"name\":\"ZWaveExclusionInOtherNetworkEvent\"", json);
    }
}
