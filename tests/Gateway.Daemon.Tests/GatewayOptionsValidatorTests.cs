using Gateway.Daemon.Hosting;
using Microsoft.Extensions.Configuration;

namespace Gateway.Daemon.Tests;

public class GatewayOptionsValidatorTests
{
    [Fact]
    public void The_defaults_and_an_empty_configuration_are_valid()
    {
        Assert.Empty(GatewayOptionsValidator.Validate(Configuration()));
        Assert.Empty(GatewayOptionsValidator.Validate(Configuration(
            ("Gateway:DataDirectory", "./data"), ("Gateway:Api:BindAddress", "0.0.0.0"), ("Gateway:Api:HttpsPort", "8443"),
            ("Gateway:Api:HttpPort", "0"), ("Gateway:LogLevel", "debug"), ("Gateway:Engine:CommandTimeout", "00:02:00"),
            ("Gateway:Radios:Simulated:TravelSeconds", "0.5"), ("Gateway:Radios:Simulated:Enabled", "False"))));
    }

    [Theory]
    [InlineData("Gateway:Api:HttpsPort", "abc", "a port number from 0 to 65535")]
    [InlineData("Gateway:Api:HttpPort", "70000", "a port number from 0 to 65535")]
    [InlineData("Gateway:Api:BindAddress", "my-box", "localhost")]
    [InlineData("Gateway:LogLevel", "Chatty", "Verbose, Debug, Information, Warning, Error, Fatal")]
    [InlineData("Gateway:Engine:MaxConcurrentExecutions", "0", "a whole number above 0")]
    [InlineData("Gateway:Engine:CommandTimeout", "soon", "hh:mm:ss")]
    [InlineData("Gateway:Radios:Simulated:TravelSeconds", "fast", "a number above 0")]
    [InlineData("Gateway:Radios:Simulated:Enabled", "yes", "true or false")]
    [InlineData("Gateway:DataDirectory", " ", "Gateway:DataDirectory is empty")]
    [InlineData("Gateway:Radios:Zigbee:Port", "ttyUSB0", "a serial device path")]
    [InlineData("Gateway:Radios:Zigbee:Port", "tcp://127.0.0.1", "tcp://host:port")]
    [InlineData("Gateway:Radios:Zigbee:Port", "tcp://127.0.0.1:99999", "tcp://host:port")]
    [InlineData("Gateway:Radios:Zigbee:Channel", "27", "a Zigbee channel from 11 to 26")]
    [InlineData("Gateway:Radios:Zigbee:Channel", "eleven", "a Zigbee channel from 11 to 26")]
    [InlineData("Gateway:Radios:Zigbee:PermitJoinSeconds", "255", "from 1 to 254")]
    [InlineData("Gateway:Radios:Zigbee:SrspTimeoutSeconds", "0", "a number above 0")]
    [InlineData("Gateway:Radios:Zigbee:ZclResponseTimeoutSeconds", "-1", "a number above 0")]
    [InlineData("Gateway:Radios:Zigbee:WatchdogIntervalSeconds", "-5", "a number, 0 or more")]
    [InlineData("Gateway:Radios:Zigbee:InterviewAttempts", "0", "a whole number above 0")]
    [InlineData("Gateway:Radios:Zigbee:BaudRate", "fast", "a whole number above 0")]
    public void A_wrong_value_is_one_message_naming_the_key_and_what_is_valid(string key, string value, string expected)
    {
        var error = Assert.Single(GatewayOptionsValidator.Validate(Configuration((key, value))));
        Assert.Contains(key, error);
        Assert.Contains(expected, error);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void Usable_zigbee_settings_are_accepted()
    {
        Assert.Empty(GatewayOptionsValidator.Validate(Configuration(
            ("Gateway:Radios:Zigbee:Port", "/dev/serial/by-id/usb-ITead_Sonoff_Zigbee_3.0_USB_Dongle_Plus-if00-port0"),
            ("Gateway:Radios:Zigbee:Channel", "25"), ("Gateway:Radios:Zigbee:PermitJoinSeconds", "254"),
            ("Gateway:Radios:Zigbee:WatchdogIntervalSeconds", "0"), ("Gateway:Radios:Zigbee:AvailabilityCheckSeconds", "0"),
            ("Gateway:Radios:Zigbee:SrspTimeoutSeconds", "0.5"))));
        Assert.Empty(GatewayOptionsValidator.Validate(Configuration(("Gateway:Radios:Zigbee:Port", "tcp://127.0.0.1:6638"))));
        Assert.Empty(GatewayOptionsValidator.Validate(Configuration(("Gateway:Radios:Zigbee:Port", ""))));
    }

    [Theory]
    [InlineData("tcp://192.168.1.50:51200")]
    [InlineData("192.168.1.50")]
    [InlineData("tls://192.168.1.50")]
    public void An_io_port_that_is_not_tls_host_port_is_refused(string port)
    {
        var error = Assert.Single(GatewayOptionsValidator.Validate(Configuration(("Gateway:Radios:Io:Port", port), ("Gateway:Radios:Io:Password", "x"))));
        Assert.Contains("tls://host:port", error);
    }

    [Fact]
    public void Usable_io_settings_are_accepted_and_a_missing_password_is_named()
    {
        Assert.Empty(GatewayOptionsValidator.Validate(Configuration(("Gateway:Radios:Io:Port", "tls://192.168.1.50:51200"),
            ("Gateway:Radios:Io:Password", "velux123"), ("Gateway:Radios:Io:KeepAliveSeconds", "300"))));
        var error = Assert.Single(GatewayOptionsValidator.Validate(Configuration(("Gateway:Radios:Io:Port", "tls://192.168.1.50:51200"))));
        Assert.Contains("Gateway:Radios:Io:Password", error);
    }

    [Fact]
    public void Gpio_settings_for_a_raspberry_pi_are_accepted()
    {
        Assert.Empty(GatewayOptionsValidator.Validate(Configuration(("Gateway:Gpio:Chip", "gpiochip0"), ("Gateway:Gpio:LedPin", "17"),
            ("Gateway:Gpio:ButtonPin", "27"), ("Gateway:Gpio:ButtonActiveLow", "true"))));
        Assert.Empty(GatewayOptionsValidator.Validate(Configuration(("Gateway:Gpio:Chip", "/dev/gpiochip4"), ("Gateway:Gpio:ButtonPin", "3"))));
        Assert.Empty(GatewayOptionsValidator.Validate(Configuration(("Gateway:Gpio:Chip", ""))));
    }

    [Theory]
    [InlineData("Gateway:Gpio:Chip=/dev/ttyUSB0", "gpiochip0")]
    [InlineData("Gateway:Gpio:Chip=gpiochip", "gpiochip0")]
    [InlineData("Gateway:Gpio:LedPin=-1", "a whole number, 0 or more")]
    [InlineData("Gateway:Gpio:ButtonPin=GPIO27", "a whole number, 0 or more")]
    [InlineData("Gateway:Gpio:ButtonActiveLow=low", "true or false")]
    public void A_wrong_gpio_setting_is_named(string setting, string expected)
    {
        var (key, value) = (setting[..setting.IndexOf('=')], setting[(setting.IndexOf('=') + 1)..]);
        var withChip = key == "Gateway:Gpio:Chip" ? Configuration((key, value)) : Configuration(("Gateway:Gpio:Chip", "gpiochip0"), (key, value));

        var error = Assert.Single(GatewayOptionsValidator.Validate(withChip));

        Assert.Contains(key, error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Gpio_pins_need_a_chip_and_two_different_lines()
    {
        Assert.Contains("without Gateway:Gpio:Chip", Assert.Single(GatewayOptionsValidator.Validate(Configuration(("Gateway:Gpio:LedPin", "17")))));
        Assert.Contains("two different lines", Assert.Single(GatewayOptionsValidator.Validate(Configuration(
            ("Gateway:Gpio:Chip", "gpiochip0"), ("Gateway:Gpio:LedPin", "17"), ("Gateway:Gpio:ButtonPin", "17")))));
    }

    [Fact]
    public void Both_ports_off_is_refused()
    {
        var error = Assert.Single(GatewayOptionsValidator.Validate(Configuration(("Gateway:Api:HttpsPort", "0"))));
        Assert.Contains("listen nowhere", error);
    }

    [Fact]
    public void Every_wrong_setting_is_reported_at_once()
    {
        Assert.Equal(2, GatewayOptionsValidator.Validate(Configuration(("Gateway:Api:HttpsPort", "x"), ("Gateway:LogLevel", "y"))).Count);
    }

    [Theory]
    [InlineData("localhost", "127.0.0.1")]
    [InlineData("LOCALHOST", "127.0.0.1")]
    [InlineData("::", "::")]
    [InlineData("192.168.1.20", "192.168.1.20")]
    public void Localhost_means_the_ipv4_loopback(string setting, string address) =>
        Assert.Equal(address, GatewayOptionsValidator.ParseBindAddress(setting)?.ToString());

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
