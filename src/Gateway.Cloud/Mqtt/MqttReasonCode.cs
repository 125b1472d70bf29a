namespace Gateway.Cloud.Mqtt;

/// <summary>PUBACK reason codes: below 0x80 the broker took the message (0x10 "no matching subscribers" included).</summary>
public static class MqttReasonCode
{
    /// <summary>
    /// Not a PUBACK: libmosquitto refused to send the message (e.g. an invalid topic); the reason reported is this plus
    /// libmosquitto's error code.
    /// </summary>
    public const int NotSent = 0x100;

    public static bool IsAccepted(int reasonCode) => reasonCode < 0x80;

    public static bool IsNotSent(int reasonCode) => reasonCode >= NotSent;
}
