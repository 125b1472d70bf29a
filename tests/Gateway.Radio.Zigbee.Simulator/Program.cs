using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gateway.Serial;
using Gateway.Radio.Zigbee.Simulator;
using Gateway.Radio.Zigbee.Simulator.Devices;

// zigbee-sim: a simulated CC2652 Z-Stack ZNP coordinator behind tcp://127.0.0.1:PORT (point gatewayd's
// Gateway:Radios:Zigbee:Port at it), driven by commands typed on stdin.
const string Usage = """
    usage: zigbee-sim [--formed] [PORT]
      PORT      TCP port on 127.0.0.1 to listen on (default 5556)
      --formed  the coordinator already holds a network (otherwise it forms one through BDB commissioning)
    commands on stdin once the gateway is connected:
      join IEEE NWK     a device (IEEE and network address in hex) joins the open network and announces itself
      bulb|thermometer|cover|motion IEEE NWK
                        a simulated ZCL device of that kind joins, answers the interview and commands, and reports
      temperature IEEE C   the thermometer measures C degrees (reported if the gateway configured reporting)
      motion-on|motion-off IEEE   the motion sensor sees motion or not
      garbage           broken bytes on the line
      silent on|off     wedge the coordinator (reads, never answers) or bring it back
      delay MS          answer every SREQ MS milliseconds late
      drop N            lose the next N SRSPs
      state             coordinator state, formed, endpoints, permit-join
      quit
    """;
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(Usage);
    return 0;
}
var port = args.FirstOrDefault(a => !a.StartsWith('-')) is { } text && int.TryParse(text, out var p) ? p : 5556;
using var listener = new TcpListener(IPAddress.Loopback, port);
listener.Start();
Console.WriteLine($"simulated CC2652 ZNP coordinator on tcp://127.0.0.1:{port} — waiting for the gateway; type 'help'");
using var client = await listener.AcceptTcpClientAsync();
await using var coordinator = new ZnpCoordinatorSimulator(new StreamTransport(client.GetStream(), "tcp client"), formed: args.Contains("--formed"));
await coordinator.StartAsync(CancellationToken.None);
Console.WriteLine("gateway connected");

var devices = new Dictionary<ulong, SimulatedZigbeeDevice>();
ulong Hex64(string text) => ulong.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
ushort Hex16(string text) => ushort.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

string? line;
while ((line = Console.ReadLine()) is not null)
{
    var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    if (words.Length == 0) continue;
    try
    {
        switch (words[0])
        {
            case "join":
                var joined = await coordinator.JoinAsync(ulong.Parse(words[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture), ushort.Parse(words[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                Console.WriteLine(joined ? "announced" : "the network is not open for joining");
                break;
            case "bulb" or "thermometer" or "cover" or "motion":
                var ieee = Hex64(words[1]);
                var nwk = Hex16(words[2]);
                SimulatedZigbeeDevice device = words[0] switch
                {
                    "bulb" => new SimulatedBulb(ieee, nwk),
                    "thermometer" => new SimulatedThermometer(ieee, nwk),
                    "cover" => new SimulatedCover(ieee, nwk, TimeProvider.System, TimeSpan.FromSeconds(10)),
                    _ => new SimulatedMotionSensor(ieee, nwk),
                };
                devices[ieee] = device;
                Console.WriteLine(await coordinator.JoinAsync(ZclNode.For(device, coordinator)) ? "joined" : "the network is not open for joining");
                break;
            case "temperature" when devices.GetValueOrDefault(Hex64(words[1])) is SimulatedThermometer thermometer:
                thermometer.SetTemperature(double.Parse(words[2], CultureInfo.InvariantCulture));
                break;
            case "motion-on" or "motion-off" when devices.GetValueOrDefault(Hex64(words[1])) is SimulatedMotionSensor sensor:
                sensor.SetMotion(words[0] == "motion-on");
                break;
            case "garbage": await coordinator.EmitBytesAsync([0xFE, 0x05, 0x45, 0xC1, 0x13, 0x37, 0x00, 0xFE], chunk: 3); break;
            case "silent": coordinator.Silent = words[1] == "on"; break;
            case "delay": coordinator.ResponseDelay = TimeSpan.FromMilliseconds(int.Parse(words[1], CultureInfo.InvariantCulture)); break;
            case "drop": coordinator.DropNextResponses(int.Parse(words[1], CultureInfo.InvariantCulture)); break;
            case "state":
                Console.WriteLine($"state {coordinator.State}, formed {coordinator.Formed}, endpoints [{string.Join(",", coordinator.RegisteredEndpoints)}], permit-join {coordinator.PermittingJoins}, resets {coordinator.Resets}");
                break;
            case "quit": return 0;
            default: Console.WriteLine(Usage); break;
        }
    }
    catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException)
    {
        Console.WriteLine($"? {ex.Message}");
    }
}
return 0;
