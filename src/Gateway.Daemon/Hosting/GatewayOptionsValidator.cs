using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace Gateway.Daemon.Hosting;

/// <summary>
/// Checks every <c>Gateway:*</c> setting before anything binds or starts, so a wrong value is one line naming the key,
/// the value and what is valid, instead of a binder or Kestrel exception.
/// </summary>
public static class GatewayOptionsValidator
{
    public static readonly string[] LogLevels = ["Verbose", "Debug", "Information", "Warning", "Error", "Fatal"];

    private enum Kind { Port, PositiveInteger, NonNegativeInteger, PositiveNumber, NonNegativeNumber, Boolean, Duration, ZigbeeChannel, PermitJoinSeconds }

    private static readonly (string Key, Kind Kind)[] TypedSettings =
    [
        ("Gateway:Api:HttpsPort", Kind.Port),
        ("Gateway:Api:HttpPort", Kind.Port),
        ("Gateway:Mdns:Enabled", Kind.Boolean),
        ("Gateway:Mdns:Port", Kind.Port),
        ("Gateway:Radios:Simulated:Enabled", Kind.Boolean),
        ("Gateway:Radios:Simulated:HomeSize", Kind.NonNegativeInteger),
        ("Gateway:Radios:Simulated:TravelSeconds", Kind.PositiveNumber),
        ("Gateway:Radios:Simulated:SensorIntervalSeconds", Kind.PositiveNumber),
        ("Gateway:Radios:Simulated:Seed", Kind.NonNegativeInteger),
        ("Gateway:Radios:EnOcean:BaudRate", Kind.PositiveInteger),
        ("Gateway:Radios:EnOcean:SensorTimeoutMinutes", Kind.PositiveNumber),
        ("Gateway:Radios:EnOcean:ActuatorTimeoutSeconds", Kind.PositiveNumber),
        ("Gateway:Radios:Zigbee:BaudRate", Kind.PositiveInteger),
        ("Gateway:Radios:Zigbee:Channel", Kind.ZigbeeChannel),
        ("Gateway:Radios:Zigbee:PermitJoinSeconds", Kind.PermitJoinSeconds),
        ("Gateway:Radios:Zigbee:StartupTimeoutSeconds", Kind.PositiveNumber),
        ("Gateway:Radios:Zigbee:SrspTimeoutSeconds", Kind.PositiveNumber),
        ("Gateway:Radios:Zigbee:WatchdogIntervalSeconds", Kind.NonNegativeNumber),
        ("Gateway:Radios:Zigbee:ZdoResponseTimeoutSeconds", Kind.PositiveNumber),
        ("Gateway:Radios:Zigbee:InterviewAttempts", Kind.PositiveInteger),
        ("Gateway:Radios:Zigbee:InterviewRetrySeconds", Kind.PositiveNumber),
        ("Gateway:Radios:Zigbee:AfConfirmTimeoutSeconds", Kind.PositiveNumber),
        ("Gateway:Radios:Zigbee:ZclResponseTimeoutSeconds", Kind.PositiveNumber),
        ("Gateway:Radios:Zigbee:AvailabilityCheckSeconds", Kind.NonNegativeNumber),
        ("Gateway:Radios:Zigbee:MainsSilenceSeconds", Kind.PositiveNumber),
        ("Gateway:Radios:Zigbee:BatterySilenceSeconds", Kind.PositiveNumber),
        ("Gateway:Radios:Io:KeepAliveSeconds", Kind.PositiveNumber),
        ("Gateway:Radios:Io:RequestTimeoutSeconds", Kind.PositiveNumber),
        ("Gateway:Radios:Io:CommandTimeoutSeconds", Kind.PositiveNumber),
        ("Gateway:Radios:Io:DiscoveryTimeoutSeconds", Kind.PositiveNumber),
        ("Gateway:Engine:MaxConcurrentExecutions", Kind.PositiveInteger),
        ("Gateway:Engine:CommandTimeout", Kind.Duration),
        ("Gateway:Engine:ShutdownGrace", Kind.Duration),
        ("Gateway:Listeners:MaxListeners", Kind.PositiveInteger),
        ("Gateway:Listeners:MaxEventsPerListener", Kind.PositiveInteger),
        ("Gateway:Listeners:IdleTimeout", Kind.Duration),
        ("Gateway:EventStream:ReplayWindow", Kind.PositiveInteger),
        ("Gateway:EventStream:ClientQueueCapacity", Kind.PositiveInteger),
        ("Gateway:EventStream:HeartbeatSeconds", Kind.PositiveInteger),
        ("Gateway:EventStream:MaxStreams", Kind.PositiveInteger),
        ("Gateway:EventStream:MaxStreamsPerToken", Kind.PositiveInteger),
        ("Gateway:Gpio:LedPin", Kind.NonNegativeInteger),
        ("Gateway:Gpio:ButtonPin", Kind.NonNegativeInteger),
        ("Gateway:Gpio:ButtonActiveLow", Kind.Boolean),
    ];

    /// <summary>One message per wrong setting; empty when the configuration can be used.</summary>
    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        var errors = new List<string>();
        foreach (var (key, kind) in TypedSettings)
        {
            var value = configuration[key];
            if (value is not null && Problem(kind, value) is { } expected)
                errors.Add($"{key}={value} is not valid: expected {expected}");
        }

        if (configuration["Gateway:DataDirectory"] is { } data && string.IsNullOrWhiteSpace(data))
            errors.Add("Gateway:DataDirectory is empty: give the folder for the database, certificate and logs");

        if (configuration["Gateway:Api:BindAddress"] is { } bind && ParseBindAddress(bind) is null)
            errors.Add($"Gateway:Api:BindAddress={bind} is not valid: expected an IP address (0.0.0.0 for every interface, 127.0.0.1 or localhost for this machine only)");

        if (configuration["Gateway:Radios:Zigbee:Port"] is { Length: > 0 } port && PortProblem(port) is { } portExpected)
            errors.Add($"Gateway:Radios:Zigbee:Port={port} is not valid: expected {portExpected}");

        if (configuration["Gateway:Radios:Io:Port"] is { Length: > 0 } ioPort && !IsTlsPort(ioPort))
            errors.Add($"Gateway:Radios:Io:Port={ioPort} is not valid: expected tls://host:port (a KLF-200 listens on 51200)");
        if (configuration["Gateway:Radios:Io:Port"] is { Length: > 0 } && string.IsNullOrEmpty(configuration["Gateway:Radios:Io:Password"]))
            errors.Add("Gateway:Radios:Io:Password is empty: give the KLF-200's password (printed on its back unless changed)");

        errors.AddRange(GpioProblems(configuration));

        if (configuration["Gateway:LogLevel"] is { } level && !LogLevels.Contains(level, StringComparer.OrdinalIgnoreCase))
            errors.Add($"Gateway:LogLevel={level} is not valid: expected one of {string.Join(", ", LogLevels)}");

        if (Port(configuration, "Gateway:Api:HttpsPort", 8443) == 0 && Port(configuration, "Gateway:Api:HttpPort", 0) == 0)
            errors.Add("Gateway:Api:HttpsPort and Gateway:Api:HttpPort are both 0: the API would listen nowhere");
        return errors;
    }

    private static IEnumerable<string> GpioProblems(IConfiguration configuration)
    {
        var chip = configuration["Gateway:Gpio:Chip"];
        if (!string.IsNullOrEmpty(chip) && !IsGpioChip(chip))
            yield return $"Gateway:Gpio:Chip={chip} is not valid: expected a GPIO chip such as gpiochip0 or /dev/gpiochip0 (empty = no LED or button)";
        var led = configuration["Gateway:Gpio:LedPin"];
        var button = configuration["Gateway:Gpio:ButtonPin"];
        if (string.IsNullOrEmpty(chip) && (!string.IsNullOrEmpty(led) || !string.IsNullOrEmpty(button)))
            yield return "Gateway:Gpio:LedPin or ButtonPin is set without Gateway:Gpio:Chip: name the chip the lines belong to (gpiochip0 on a Raspberry Pi)";
        if (!string.IsNullOrEmpty(led) && led == button)
            yield return $"Gateway:Gpio:LedPin and Gateway:Gpio:ButtonPin are both {led}: the LED and the button need two different lines";
    }

    private static bool IsGpioChip(string value)
    {
        var name = value.StartsWith("/dev/", StringComparison.Ordinal) ? value["/dev/".Length..] : value;
        return name.StartsWith("gpiochip", StringComparison.Ordinal) && name.Length is > 8 and <= 11 && name[8..].All(char.IsAsciiDigit);
    }

    private static bool IsTlsPort(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == "tls" && uri.Port > 0 && uri.Host.Length > 0;

    /// <summary>The address to listen on: an IP address, or <c>localhost</c> for the IPv4 loopback.</summary>
    public static IPAddress? ParseBindAddress(string value) =>
        string.Equals(value.Trim(), "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(value.Trim(), out var address) ? address
        : null;

    /// <summary>A radio's port: a serial device path, or <c>tcp://host:port</c> (a coordinator behind a network bridge).</summary>
    private static string? PortProblem(string port)
    {
        const string expected = "a serial device path (/dev/ttyUSB0, /dev/serial/by-id/…) or tcp://host:port";
        if (port.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
            return Uri.TryCreate(port, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && uri.Port is > 0 and <= 65535
                   && !port.EndsWith(':') && port.IndexOf(':', "tcp://".Length) > 0 && uri.AbsolutePath is "/" or ""
                ? null : expected;
        return port.StartsWith('/') && !port.EndsWith('/') && !port.Any(char.IsControl) ? null : expected;
    }

    private static int Port(IConfiguration configuration, string key, int fallback) =>
        int.TryParse(configuration[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) ? port : fallback;

    private static string? Problem(Kind kind, string value) => kind switch
    {
        Kind.Port => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535
            ? null : "a port number from 0 to 65535 (0 = off)",
        Kind.PositiveInteger => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? null : "a whole number above 0",
        Kind.NonNegativeInteger => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? null : "a whole number, 0 or more",
        Kind.PositiveNumber => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0 && double.IsFinite(number)
            ? null : "a number above 0 (for example 2 or 0.5)",
        Kind.NonNegativeNumber => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0 && double.IsFinite(number)
            ? null : "a number, 0 or more (0 = off)",
        Kind.ZigbeeChannel => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var channel) && channel is >= 11 and <= 26
            ? null : "a Zigbee channel from 11 to 26 (11, 15, 20 or 25 stay clear of Wi-Fi)",
        Kind.PermitJoinSeconds => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 254
            ? null : "a number of seconds from 1 to 254 (Zigbee permit-join limit)",
        Kind.Boolean => bool.TryParse(value, out _) ? null : "true or false",
        Kind.Duration => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
            ? null : "a duration above zero as hh:mm:ss (for example 00:02:00)",
        _ => null,
    };
}
