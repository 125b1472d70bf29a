using System.Net;
using System.Net.Sockets;

namespace Gateway.Daemon.Discovery;

/// <summary>
/// What a TaHoma box in developer mode advertises, with this gateway's own values: the service
/// <c>gateway-&lt;pin&gt;._kizboxdev._tcp.local</c> on the API port, TXT gateway_pin/api_version/fw_version, and the host
/// name <c>gateway-&lt;pin&gt;.local</c> (the name the API certificate carries) with the box's current addresses.
/// </summary>
public sealed class KizboxAdvertisement(string gatewayPin, int port, string firmwareVersion, Func<IReadOnlyList<IPAddress>> addresses)
{
    public const string ServiceType = "_kizboxdev._tcp.local";
    public const string ServiceEnumeration = "_services._dns-sd._udp.local";
    public const string ApiVersion = "1";

    // RFC 6762's recommendations: host records live shorter than the others.
    private static readonly TimeSpan HostTtl = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ServiceTtl = TimeSpan.FromSeconds(4500);

    public string InstanceName { get; } = $"gateway-{gatewayPin}.{ServiceType}";
    public string HostName { get; } = $"gateway-{gatewayPin}.local";

    /// <summary>The records that answer <paramref name="question"/> and those worth adding; both empty if it is not ours.</summary>
    public (List<DnsRecord> Answers, List<DnsRecord> Additionals) Answer(DnsQuestion question)
    {
        var answers = new List<DnsRecord>();
        var additionals = new List<DnsRecord>();
        var type = question.Type;
        if (Is(question.Name, ServiceEnumeration) && type is DnsRecordType.Ptr or DnsRecordType.Any)
        {
            answers.Add(new DnsRecord(ServiceEnumeration, DnsRecordType.Ptr, ServiceTtl, Unique: false) { Target = ServiceType });
        }
        else if (Is(question.Name, ServiceType) && type is DnsRecordType.Ptr or DnsRecordType.Any)
        {
            answers.Add(Pointer());
            additionals.AddRange([Service(), Texts(), .. HostAddresses()]);
        }
        else if (Is(question.Name, InstanceName))
        {
            if (type is DnsRecordType.Srv or DnsRecordType.Any) answers.Add(Service());
            if (type is DnsRecordType.Txt or DnsRecordType.Any) answers.Add(Texts());
            if (answers.Count > 0) additionals.AddRange(HostAddresses());
        }
        else if (Is(question.Name, HostName))
        {
            answers.AddRange(HostAddresses().Where(r => type == DnsRecordType.Any || r.Type == type));
        }
        return (answers, additionals);
    }

    /// <summary>Everything, for announcements (and, with a zero TTL, for the goodbye).</summary>
    public List<DnsRecord> All() => [Pointer(), Service(), Texts(), .. HostAddresses()];

    private DnsRecord Pointer() => new(ServiceType, DnsRecordType.Ptr, ServiceTtl, Unique: false) { Target = InstanceName };

    private DnsRecord Service() => new(InstanceName, DnsRecordType.Srv, HostTtl, Unique: true) { Target = HostName, Port = (ushort)port };

    private DnsRecord Texts() => new(InstanceName, DnsRecordType.Txt, ServiceTtl, Unique: true)
    {
        Texts = [$"gateway_pin={gatewayPin}", $"api_version={ApiVersion}", $"fw_version={firmwareVersion}"],
    };

    private IEnumerable<DnsRecord> HostAddresses() => addresses().Select(address =>
        new DnsRecord(HostName, address.AddressFamily == AddressFamily.InterNetworkV6 ? DnsRecordType.Aaaa : DnsRecordType.A, HostTtl, Unique: true)
        {
            Address = address,
        });

    private static bool Is(string name, string expected) => string.Equals(name.TrimEnd('.'), expected, StringComparison.OrdinalIgnoreCase);
}
