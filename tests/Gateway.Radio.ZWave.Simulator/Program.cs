using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Simulator;
using Gateway.Radio.ZWave.Simulator.Nodes;
using Gateway.Serial;

// zwave-sim: a simulated Z-Wave Serial API controller behind tcp://127.0.0.1:PORT (point gatewayd's
// Gateway:Radios:ZWave:Port at it) whose network already holds a switch (2), a dimmer (3), a shutter (4), a
// multisensor (5), a door sensor (6), a thermostat (7, Supervision), a double switch (8, endpoints #1 and #2), a
// scene controller (9, sleeping) and a radiator thermostat (10, sleeping); driven by commands typed on stdin.
const string Usage = """
    usage: zwave-sim [PORT]
      PORT      TCP port on 127.0.0.1 to listen on (default 5557)
    commands on stdin once the gateway is connected:
      temperature C | humidity PCT | lux LUX | motion on|off   the multisensor (node 5) reports
      door open|closed          the door sensor (node 6) reports
      room C                    the thermostat (node 7) reports its air temperature
      flip EP on|off            endpoint EP (1 or 2) of the double switch (node 8) is switched at the wall
      scene N [held|released|2x]   button N of the scene controller (node 9)
      unreachable N on|off      node N stops (or starts again) acknowledging (a failed node)
      include KIND N            while the gateway includes: a new KIND node (switch, dimmer, shutter, multisensor,
                                door) presses its button and joins as node N; also replaces failed node N
      exclude N                 while the gateway excludes: node N presses its button and leaves
      sleep N | wake N          battery node N falls asleep / wakes up (Wake Up Notification)
      garbage                   broken bytes on the line
      silent on|off             wedge the controller (reads, never answers) or bring it back
      silent-after-send         ACK the next SendData, then go silent (mid-transaction)
      drop-acks N | cans N | drop-callbacks N   the next N host frames get no ACK / a CAN; the next N callbacks are lost
      state                     nodes and their state, SendData seen
      quit
    """;
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(Usage);
    return 0;
}
var port = args.FirstOrDefault(a => !a.StartsWith('-')) is { } text && int.TryParse(text, out var p) ? p : 5557;
using var listener = new TcpListener(IPAddress.Loopback, port);
listener.Start();
Console.WriteLine($"simulated Z-Wave controller on tcp://127.0.0.1:{port} — waiting for the gateway; type 'help'");
using var client = await listener.AcceptTcpClientAsync();
await using var controller = new ZWaveControllerSimulator(new StreamTransport(client.GetStream(), "tcp client"));
var multisensor = new SimulatedMultisensor(5);
var door = new SimulatedDoorSensor(6);
var thermostat = new SimulatedThermostat(7);
var doubleSwitch = new SimulatedDoubleSwitch(8);
var sceneController = new SimulatedSceneController(9);
foreach (var node in new SimulatedZWaveNode[]
{
    new SimulatedSwitch(2), new SimulatedDimmer(3), new SimulatedShutter(4), multisensor, door, thermostat, doubleSwitch, sceneController, new SimulatedThermostat(10, sleeping: true),
})
    controller.AddNode(node);
await controller.StartAsync(CancellationToken.None);
Console.WriteLine("gateway connected");

double Number(string word) => double.Parse(word, CultureInfo.InvariantCulture);
string? line;
while ((line = Console.ReadLine()) is not null)
{
    var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    if (words.Length == 0) continue;
    try
    {
        switch (words[0])
        {
            case "temperature": multisensor.SetTemperature(Number(words[1])); break;
            case "humidity": multisensor.SetHumidity(Number(words[1])); break;
            case "lux": multisensor.SetLux(Number(words[1])); break;
            case "motion": multisensor.SetMotion(words[1] == "on"); break;
            case "door": door.SetOpen(words[1] == "open"); break;
            case "room": thermostat.SetTemperature(Number(words[1])); break;
            case "flip": doubleSwitch.Flip(byte.Parse(words[1], CultureInfo.InvariantCulture), words[2] == "on"); break;
            case "scene":
                var key = words.Length < 3 ? CentralSceneCommandClass.KeyPressed
                    : words[2] switch { "held" => CentralSceneCommandClass.KeyHeldDown, "released" => CentralSceneCommandClass.KeyReleased, "2x" => CentralSceneCommandClass.KeyPressed2x, _ => CentralSceneCommandClass.KeyPressed };
                sceneController.Press(byte.Parse(words[1], CultureInfo.InvariantCulture), key);
                break;
            case "unreachable":
                var node = controller.Nodes.First(n => n.NodeId == byte.Parse(words[1], CultureInfo.InvariantCulture));
                node.Reachable = words[2] != "on";
                break;
            case "sleep" or "wake":
                var sleeper = controller.Nodes.First(n => n.NodeId == byte.Parse(words[1], CultureInfo.InvariantCulture));
                if (words[0] == "wake") sleeper.WakeUp();
                else sleeper.Asleep = true;
                break;
            case "include":
                var id = byte.Parse(words[2], CultureInfo.InvariantCulture);
                SimulatedZWaveNode joining = words[1] switch
                {
                    "switch" => new SimulatedSwitch(id),
                    "dimmer" => new SimulatedDimmer(id),
                    "shutter" => new SimulatedShutter(id),
                    "multisensor" => new SimulatedMultisensor(id),
                    "door" => new SimulatedDoorSensor(id),
                    _ => throw new FormatException($"unknown kind {words[1]}"),
                };
                Console.WriteLine(controller.PressButton(joining) ? $"node {id} pressed its button" : "the controller is not including");
                break;
            case "exclude":
                var leaving = controller.Nodes.First(n => n.NodeId == byte.Parse(words[1], CultureInfo.InvariantCulture));
                Console.WriteLine(controller.PressButton(leaving) ? $"node {leaving.NodeId} pressed its button" : "the controller is not excluding");
                break;
            case "silent-after-send": controller.SilenceAfterAcking(Gateway.Radio.ZWave.Serial.FunctionId.SendData); break;
            case "garbage": await controller.EmitBytesAsync([0x01, 0x09, 0x00, 0x04, 0x13, 0x37, 0x42, 0x06, 0x99]); break;
            case "silent": controller.Silent = words[1] == "on"; break;
            case "drop-acks": controller.DropNextAcks(int.Parse(words[1], CultureInfo.InvariantCulture)); break;
            case "cans": controller.CanNextFrames(int.Parse(words[1], CultureInfo.InvariantCulture)); break;
            case "drop-callbacks": controller.DropNextCallbacks(int.Parse(words[1], CultureInfo.InvariantCulture)); break;
            case "state":
                foreach (var n in controller.Nodes)
                {
                    var state = n switch
                    {
                        SimulatedSwitch s => s.IsOn ? "on" : "off",
                        SimulatedMultilevelNode m => $"level {m.Level}",
                        SimulatedMultisensor m => $"{m.Temperature} °C",
                        SimulatedDoorSensor d => d.Open ? "open" : "closed",
                        SimulatedThermostat t => $"setpoint {t.Setpoint} °C, mode {t.Mode}, {t.Temperature} °C",
                        SimulatedDoubleSwitch d => $"#1 {(d.IsOn(1) ? "on" : "off")}, #2 {(d.IsOn(2) ? "on" : "off")}",
                        _ => "",
                    };
                    Console.WriteLine($"node {n.NodeId} {n.GetType().Name}: {state}{(n.Reachable ? "" : " (unreachable)")}");
                }
                Console.WriteLine($"SendData seen: {controller.SendDataLog.Count}, retransmissions seen: {controller.Retransmissions}");
                break;
            case "quit": return 0;
            default: Console.WriteLine(Usage); break;
        }
    }
    catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException or InvalidOperationException)
    {
        Console.WriteLine($"? {ex.Message}");
    }
}
return 0;
