using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Tests.Zcl;

/// <summary>Every cluster-specific payload parser, run on one frame (as if it carried each command) for the fuzz tests.</summary>
internal static class ZclClusterParsers
{
    public static int ExerciseAll(ZclFrame frame)
    {
        var specific = frame with { FrameType = ZclFrameType.ClusterSpecific };
        var toClient = specific with { Direction = ZclDirection.ServerToClient };
        var toServer = specific with { Direction = ZclDirection.ClientToServer };
        var parsed = 0;
        if (ZoneStatusChangeNotification.TryParse(toClient with { CommandId = IasZoneCluster.ZoneStatusChangeNotificationCommand }, out _)) parsed++;
        if (ZoneEnrollRequest.TryParse(toClient with { CommandId = IasZoneCluster.ZoneEnrollRequestCommand }, out _)) parsed++;
        if (IasZoneCluster.TryParseZoneEnrollResponse(toServer with { CommandId = IasZoneCluster.ZoneEnrollResponseCommand }, out _, out _)) parsed++;
        if (IdentifyCluster.TryParseIdentify(toServer with { CommandId = IdentifyCluster.IdentifyCommand }, out _)) parsed++;
        if (LevelControlCluster.TryParseMoveToLevel(toServer with { CommandId = LevelControlCluster.MoveToLevelWithOnOffCommand }, out _, out _, out _)) parsed++;
        if (ColorControlCluster.TryParseMoveToColorTemperature(toServer with { CommandId = ColorControlCluster.MoveToColorTemperatureCommand }, out _, out _)) parsed++;
        if (ColorControlCluster.TryParseMoveToHueAndSaturation(toServer with { CommandId = ColorControlCluster.MoveToHueAndSaturationCommand }, out _, out _, out _)) parsed++;
        if (ColorControlCluster.TryParseMoveToColor(toServer with { CommandId = ColorControlCluster.MoveToColorCommand }, out _, out _, out _)) parsed++;
        if (WindowCoveringCluster.TryParseGoToLiftPercentage(toServer with { CommandId = WindowCoveringCluster.GoToLiftPercentageCommand }, out _)) parsed++;
        return parsed;
    }
}
