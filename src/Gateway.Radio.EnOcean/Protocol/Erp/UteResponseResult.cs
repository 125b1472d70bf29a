namespace Gateway.Radio.EnOcean.Protocol.Erp;

/// <summary>The result a UTE teach-in response reports (DB6 bits 5..4).</summary>
public enum UteResponseResult : byte
{
    /// <summary>Request not accepted, for a general reason.</summary>
    NotAccepted = 0,
    /// <summary>Request accepted, teach-in successful.</summary>
    TeachInAccepted = 1,
    /// <summary>Request accepted, teach-out (deletion) successful.</summary>
    TeachOutAccepted = 2,
    /// <summary>Request not accepted: EEP not supported.</summary>
    NotAcceptedEepNotSupported = 3,
}
