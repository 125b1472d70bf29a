namespace Gateway.Radio.EnOcean.Protocol.Erp;

/// <summary>What a UTE teach-in query asks for (DB6 bits 5..4).</summary>
public enum UteRequestType : byte
{
    TeachIn = 0,
    TeachOut = 1,
    /// <summary>Teach-in, or teach-out when the device is already known.</summary>
    TeachInOrOut = 2,
    /// <summary>Not used by the specification.</summary>
    Reserved = 3,
}
