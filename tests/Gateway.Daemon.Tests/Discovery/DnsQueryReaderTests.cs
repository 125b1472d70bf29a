using Gateway.Daemon.Discovery;

namespace Gateway.Daemon.Tests.Discovery;

public class DnsQueryReaderTests
{
    // A query for PTR _kizboxdev._tcp.local with the QU bit, as an mDNS browser sends it (id 0).
    private static readonly byte[] BrowseQuery =
    [
        0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x0a, .. "_kizboxdev"u8, 0x04, .. "_tcp"u8, 0x05, .. "local"u8, 0x00,
        0x00, 0x0c, 0x80, 0x01,
    ];

    [Fact]
    public void A_browse_query_gives_its_question_with_the_unicast_response_bit()
    {
        var query = DnsQueryReader.TryRead(BrowseQuery);

        var question = Assert.Single(query!.Questions);
        Assert.Equal("_kizboxdev._tcp.local", question.Name);
        Assert.Equal(DnsRecordType.Ptr, question.Type);
        Assert.True(question.UnicastResponse);
    }

    [Fact]
    public void A_compressed_second_question_is_followed_through_its_pointer()
    {
        // Second question: "gateway-1" + pointer to offset 12 (the first name).
        byte[] packet =
        [
            0x12, 0x34, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            .. BrowseQuery[12..^4], 0x00, 0x21, 0x00, 0x01,
            0x09, .. "gateway-1"u8, 0xC0, 0x0C, 0x00, 0x10, 0x00, 0x01,
        ];

        var query = DnsQueryReader.TryRead(packet)!;

        Assert.Equal(0x1234, query.Id);
        Assert.Equal(["_kizboxdev._tcp.local", "gateway-1._kizboxdev._tcp.local"], query.Questions.Select(q => q.Name));
        Assert.Equal([DnsRecordType.Srv, DnsRecordType.Txt], query.Questions.Select(q => q.Type));
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x00, 0x84, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0x00, 0x00, 0x01, 0x00, 0x01 })] // a response
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0x05, 0x61 })] // label past the end
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0xC0, 0x0C, 0x00, 0x01, 0x00, 0x01 })] // pointer loop
    [InlineData(new byte[] { 0x00, 0x00, 0x00 })] // shorter than a header
    public void Malformed_packets_are_refused(byte[] packet) => Assert.Null(DnsQueryReader.TryRead(packet));

    [Fact]
    public void Random_packets_never_throw()
    {
        var random = new Random(5353);
        var buffer = new byte[64];
        for (var i = 0; i < 200_000; i++)
        {
            random.NextBytes(buffer);
            buffer[2] &= 0x07; // mostly queries, so the question parser is reached
            DnsQueryReader.TryRead(buffer.AsSpan(0, random.Next(buffer.Length)));
        }
    }
}
