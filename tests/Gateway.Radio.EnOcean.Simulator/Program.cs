using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Simulator;

// enocean-sim: a simulated USB 300 behind tcp://127.0.0.1:PORT (point gatewayd's Gateway:Radios:EnOcean:Port at it),
// driven by commands typed on stdin.
var port = args.Length > 0 && int.TryParse(args[^1], out var p) ? p : 5555;
using var listener = new TcpListener(IPAddress.Loopback, port);
listener.Start();
Console.WriteLine($"simulated EnOcean USB 300 on tcp://127.0.0.1:{port} — waiting for the gateway; type 'help'");
using var client = await listener.AcceptTcpClientAsync();
await using var dongle = new Esp3DongleSimulator(new StreamTransport(client.GetStream(), "tcp client"), baudRate: 57600);
await dongle.StartAsync(CancellationToken.None);
Console.WriteLine("gateway connected");

string? line;
while ((line = Console.ReadLine()) is not null)
{
    var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    if (words.Length == 0) continue;
    try
    {
        uint Id(int i) => uint.Parse(words[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        switch (words[0])
        {
            case "teach-temp": await dongle.EmitAsync(DeviceTelegrams.TeachIn4Bs(Id(1), new EepProfile(0xA5, 0x02, 0x05))); break;
            case "temp": await dongle.EmitAsync(DeviceTelegrams.TemperatureA50205(Id(1), double.Parse(words[2], CultureInfo.InvariantCulture)), copies: 2); break;
            case "rocker":
                await dongle.EmitAsync(DeviceTelegrams.RockerPressed(Id(1), words[2]));
                await Task.Delay(150);
                await dongle.EmitAsync(DeviceTelegrams.RockerReleased(Id(1)));
                break;
            case "contact-teach": await dongle.EmitAsync(DeviceTelegrams.ContactTeachIn(Id(1))); break;
            case "contact": await dongle.EmitAsync(DeviceTelegrams.Contact(Id(1), words[2] == "closed")); break;
            case "ute-switch":
                var channels = words.Length > 2 ? int.Parse(words[2], CultureInfo.InvariantCulture) : 1;
                dongle.AddD201Actuator(Id(1), channels);
                await dongle.EmitAsync(DeviceTelegrams.UteTeachIn(Id(1), new EepProfile(0xD2, 0x01, 0x00), (byte)channels));
                break;
            case "garbage": await dongle.EmitBytesAsync([0x55, 0x00, 0x07, 0x07, 0x01, 0x00, 0x13, 0x37, 0x55], chunk: 2); break;
            case "sent":
                foreach (var telegram in dongle.SentTelegrams) Console.WriteLine(telegram);
                break;
            case "quit": return 0;
            default:
                Console.WriteLine("""
                    teach-temp ID          4BS teach-in of an A5-02-05 temperature sensor (ID in hex, e.g. 0181A2B3)
                    temp ID CELSIUS        a temperature reading (sent twice, as through a repeater)
                    rocker ID A0|A1|B0|B1  press and release a rocker button (teach it in with learn/start/RockerSwitchx2)
                    contact-teach ID       D5-00-01 teach-in;  contact ID open|closed
                    ute-switch ID [N]      UTE teach-in of a D2-01 switch with N channels, which then obeys the gateway
                    garbage                broken bytes on the line
                    sent                   telegrams the gateway has sent
                    quit
                    """);
                break;
        }
    }
    catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or ArgumentException)
    {
        Console.WriteLine($"? {ex.Message}");
    }
}
return 0;
