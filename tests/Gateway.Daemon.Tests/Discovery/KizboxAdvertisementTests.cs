using System.Net;
using Gateway.Daemon.Discovery;

namespace Gateway.Daemon.Tests.Discovery;

public class KizboxAdvertisementTests
{
    private readonly KizboxAdvertisement _advertisement =
        new("1234-5678-9012", 8443, "1.2.3", () => [IPAddress.Parse("192.168.1.20"), IPAddress.Parse("fd00::20")]);

    [Fact]
    public void Browsing_the_service_type_answers_the_instance_and_adds_what_resolves_it()
    {
        var (answers, additionals) = _advertisement.Answer(new DnsQuestion("_kizboxdev._tcp.local", DnsRecordType.Ptr, false));

        var pointer = Assert.Single(answers);
        Assert.Equal("gateway-1234-5678-9012._kizboxdev._tcp.local", pointer.Target);
        var service = Assert.Single(additionals, r => r.Type == DnsRecordType.Srv);
        Assert.Equal(("gateway-1234-5678-9012.local", (ushort)8443), (service.Target, service.Port));
        Assert.Equal(["gateway_pin=1234-5678-9012", "api_version=1", "fw_version=1.2.3"], Assert.Single(additionals, r => r.Type == DnsRecordType.Txt).Texts);
        Assert.Equal(["192.168.1.20", "fd00::20"], additionals.Where(r => r.Type is DnsRecordType.A or DnsRecordType.Aaaa).Select(r => r.Address!.ToString()));
    }

    [Fact]
    public void The_host_name_answers_only_the_address_family_asked_for()
    {
        var (answers, _) = _advertisement.Answer(new DnsQuestion("GATEWAY-1234-5678-9012.local.", DnsRecordType.A, false));

        Assert.Equal("192.168.1.20", Assert.Single(answers).Address!.ToString());
    }

    [Fact]
    public void Questions_about_other_names_get_nothing()
    {
        var (answers, additionals) = _advertisement.Answer(new DnsQuestion("_hap._tcp.local", DnsRecordType.Ptr, false));

        Assert.Empty(answers);
        Assert.Empty(additionals);
    }

    [Fact]
    public void A_legacy_unicast_answer_echoes_the_id_and_question_and_caps_ttls()
    {
        var question = new DnsQuestion("_kizboxdev._tcp.local", DnsRecordType.Ptr, false);
        var (answers, additionals) = _advertisement.Answer(question);

        var packet = DnsResponseWriter.Write(0xBEEF, [question], answers, additionals, legacyUnicast: true);

        Assert.Equal(new byte[] { 0xBE, 0xEF, 0x84, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, (byte)additionals.Count }, packet[..12]);
        // Right after the echoed question: the PTR answer's name, type, class (no cache-flush) and a TTL of 10 s.
        var answerAt = 12 + 23 + 4;
        Assert.Equal(new byte[] { 0x00, 0x0c, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0a }, packet[(answerAt + 23)..(answerAt + 31)]);
    }
}
