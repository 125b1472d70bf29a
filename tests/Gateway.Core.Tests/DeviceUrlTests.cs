using Gateway.Core.Model;

namespace Gateway.Core.Tests;

public class DeviceUrlTests
{
    [Theory]
    [InlineData("io://1234-5678-1234/5928357", "io", "1234-5678-1234", "5928357", null)]
    [InlineData("internal://1234-1234-1234/pod/0", "internal", "1234-1234-1234", "pod/0", null)]
    [InlineData("zigbee://1234-5678-3293/1234#2", "zigbee", "1234-5678-3293", "1234", 2)]
    [InlineData("rts://1234-5678-1234/12345678", "rts", "1234-5678-1234", "12345678", null)]
    public void Parses_the_overkiz_forms(string text, string protocol, string gateway, string address, int? subsystem)
    {
        Assert.True(DeviceUrl.TryParse(text, out var url));
        Assert.Equal(new DeviceUrl(protocol, gateway, address, subsystem), url);
        Assert.Equal(text, url.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("io:/1234-5678-1234/1")]
    [InlineData("io://1234-5678/1")]
    [InlineData("io://1234-5678-12345/1")]
    [InlineData("io://abcd-5678-1234/1")]
    [InlineData("IO://1234-5678-1234/1")]
    [InlineData("io://1234-5678-1234/")]
    [InlineData("io://1234-5678-1234/1#x")]
    [InlineData("io://1234-5678-1234/1#-1")]
    [InlineData("io://1234-5678-1234/a b")]
    [InlineData("://1234-5678-1234/1")]
    [InlineData("io://1234-5678-1234/1\"><script>")]
    public void Rejects_what_is_not_a_device_url(string text) => Assert.False(DeviceUrl.TryParse(text, out _));

    [Fact]
    public void Rejects_absurdly_long_urls() =>
        Assert.False(DeviceUrl.TryParse("io://1234-5678-1234/" + new string('1', 300), out _));

    [Fact]
    public void Generated_pins_have_the_printed_form()
    {
        for (var i = 0; i < 100; i++) Assert.Matches("^[0-9]{4}-[0-9]{4}-[0-9]{4}$", GatewayPin.Generate());
    }

    [Theory]
    [InlineData("1234-5678-1234", true)]
    [InlineData("1234-5678-123", false)]
    [InlineData("1234_5678_1234", false)]
    [InlineData(null, false)]
    public void Validates_pins(string? pin, bool valid) => Assert.Equal(valid, GatewayPin.IsValid(pin));
}
