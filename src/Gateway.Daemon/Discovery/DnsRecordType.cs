namespace Gateway.Daemon.Discovery;

/// <summary>The DNS record types an mDNS advertisement of the local API uses.</summary>
public enum DnsRecordType : ushort
{
    A = 1,
    Ptr = 12,
    Txt = 16,
    Aaaa = 28,
    Srv = 33,
    Any = 255,
}
