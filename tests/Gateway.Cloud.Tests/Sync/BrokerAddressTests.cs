using Gateway.Cloud.Sync;

namespace Gateway.Cloud.Tests.Sync;

public sealed class BrokerAddressTests
{
    [Theory]
    [InlineData("mqtt://127.0.0.1:1884", "127.0.0.1", 1884, false)]
    [InlineData("mqtt://broker.example", "broker.example", 1883, false)]
    [InlineData("mqtts://broker.example", "broker.example", 8883, true)]
    [InlineData("mqtts://[::1]:9000", "::1", 9000, true)]
    public void Valid_broker_uris_give_host_port_and_tls(string text, string host, int port, bool tls)
    {
        Assert.Equal(new BrokerAddress(host, port, tls), BrokerAddress.TryParse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1883")]
    [InlineData("127.0.0.1:1883")]
    [InlineData("mqtt://user:secret@127.0.0.1")]
    [InlineData("mqtt://127.0.0.1/path")]
    public void Other_uris_are_refused_with_a_message_naming_the_setting(string text)
    {
        Assert.Null(BrokerAddress.TryParse(text, out var error));
        Assert.Contains("Gateway:Cloud:BrokerUri", error);
    }
}
