namespace Gateway.Cloud.Mqtt;

/// <summary>PUBACK reason codes: below 0x80 the broker took the message (0x10 "no matching subscribers" included).</summary>
public static class MqttReasonCode
{
    public static bool IsAccepted(int reasonCode) => reasonCode < 0x80;
}
