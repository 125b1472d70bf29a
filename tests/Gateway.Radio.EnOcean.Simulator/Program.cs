using System.Globalization;
using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Simulator;

// enocean-sim: a simulated USB 300 behind tcp://127.0.0.1:PORT (point gatewayd's Gateway:Radios:EnOcean:Port at it),
// driven by commands typed on stdin.
const string usage = """
    usage: enocean-sim [PORT]    (default 5555)

    A simulated EnOcean USB 300 dongle on tcp://127.0.0.1:PORT for gatewayd --Gateway:Radios:EnOcean:Port=tcp://127.0.0.1:PORT.
    It accepts a new connection whenever the gateway restarts. Type 'help' once running for the commands.
    """;
if (args.Any(a => a is "--help" or "-h" or "-?"))
{
    Console.WriteLine(usage);
    return 0;
}
if (args.Length > 1 || (args.Length == 1 && !(int.TryParse(args[0], out var parsed) && parsed is > 0 and <= 65535)))
{
    Console.Error.WriteLine($"enocean-sim: expected a port number, got '{string.Join(' ', args)}'\n{usage}");
    return 2;
}
var port = args.Length == 1 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5555;

await using var server = new TcpDongleServer(port);
server.Connected += session => Console.WriteLine(session == 1 ? "gateway connected" : $"gateway connected again (connection {session})");
server.Start();
Console.WriteLine($"simulated EnOcean USB 300 on tcp://127.0.0.1:{server.Port} — waiting for the gateway; type 'help'");

string? line;
while ((line = Console.ReadLine()) is not null)
{
    var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    if (words.Length == 0) continue;
    if (words[0] == "quit") return 0;
    var dongle = server.Current;
    if (dongle is null && words[0] != "help")
    {
        Console.WriteLine("no gateway connected yet");
        continue;
    }
    try
    {
        uint Id(int i) => uint.Parse(words[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        switch (words[0])
        {
            case "teach-temp": await dongle!.EmitAsync(DeviceTelegrams.TeachIn4Bs(Id(1), new EepProfile(0xA5, 0x02, 0x05))); break;
            case "temp": await dongle!.EmitAsync(DeviceTelegrams.TemperatureA50205(Id(1), double.Parse(words[2], CultureInfo.InvariantCulture)), copies: 2); break;
            case "rocker":
                await dongle!.EmitAsync(DeviceTelegrams.RockerPressed(Id(1), words[2]));
                await Task.Delay(150);
                await dongle.EmitAsync(DeviceTelegrams.RockerReleased(Id(1)));
                break;
            case "contact-teach": await dongle!.EmitAsync(DeviceTelegrams.ContactTeachIn(Id(1))); break;
            case "contact": await dongle!.EmitAsync(DeviceTelegrams.Contact(Id(1), words[2] == "closed")); break;
            case "ute-switch":
                var channels = words.Length > 2 ? int.Parse(words[2], CultureInfo.InvariantCulture) : 1;
                server.AddD201Actuator(Id(1), channels);
                await dongle!.EmitAsync(DeviceTelegrams.UteTeachIn(Id(1), new EepProfile(0xD2, 0x01, 0x00), (byte)channels));
                break;
            case "garbage": await dongle!.EmitBytesAsync([0x55, 0x00, 0x07, 0x07, 0x01, 0x00, 0x13, 0x37, 0x55], chunk: 2); break;
            case "sent":
                foreach (var telegram in dongle!.SentTelegrams) Console.WriteLine(telegram);
                break;
            default:
                Console.WriteLine("""
                    teach-temp ID          4BS teach-in of an A5-02-05 temperature sensor (ID in hex, e.g. 0181A2B3)
                    temp ID CELSIUS        a temperature reading (sent twice, as through a repeater)
                    rocker ID A0|A1|B0|B1  press and release a rocker button (teach it in with learn/start/RockerSwitchx2)
                    contact-teach ID       D5-00-01 teach-in;  contact ID open|closed
                    ute-switch ID [N]      UTE teach-in of a D2-01 switch with N channels, which then obeys the gateway
                    garbage                broken bytes on the line
                    sent                   telegrams the gateway has sent (this connection)
                    quit
                    """);
                break;
        }
    }
    catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or ArgumentException or IOException)
    {
        Console.WriteLine($"? {ex.Message}");
    }
}
return 0;
