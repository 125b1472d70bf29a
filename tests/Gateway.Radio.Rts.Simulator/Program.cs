using System.Globalization;
using Gateway.Radio.Rts.Simulator;
using Gateway.Serial.Linux;

// rfxtrx-sim: a simulated RFXtrx433E with Somfy RTS motors, on tcp://127.0.0.1:PORT or on a serial device (one end
// of a socat pty pair), driven by commands typed on stdin.
const string usage = """
    usage: rfxtrx-sim [PORT | /dev/PTY]    (default 5558)

    A simulated RFXtrx433E on tcp://127.0.0.1:PORT (or on a pty) for gatewayd --Gateway:Radios:Rts:Port=tcp://127.0.0.1:PORT.
    Type 'help' once running for the commands.
    """;
if (args.Any(a => a is "--help" or "-h" or "-?") || args.Length > 1)
{
    Console.WriteLine(usage);
    return args.Length > 1 ? 2 : 0;
}
var memory = new TransceiverMemory();
Func<RfxtrxSimulator?> current;
IAsyncDisposable server;
if (args.Length == 1 && args[0].StartsWith('/'))
{
    var simulator = new RfxtrxSimulator(new LinuxSerialPort(args[0], 38400), memory);
    await simulator.StartAsync(default);
    current = () => simulator;
    server = simulator;
    Console.WriteLine($"simulated RFXtrx433E on {args[0]}; type 'help'");
}
else
{
    if (args.Length == 1 && !(int.TryParse(args[0], out var p) && p is > 0 and <= 65535))
    {
        Console.Error.WriteLine($"rfxtrx-sim: expected a port number or a device path, got '{args[0]}'\n{usage}");
        return 2;
    }
    var tcp = new TcpRfxtrxServer(args.Length == 1 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5558);
    memory = tcp.Memory;
    tcp.Connected += session => Console.WriteLine(session == 1 ? "gateway connected" : $"gateway connected again (connection {session})");
    tcp.Start();
    current = () => tcp.Current;
    server = tcp;
    Console.WriteLine($"simulated RFXtrx433E on tcp://127.0.0.1:{tcp.Port}; type 'help'");
}

await using (server)
{
    string? line;
    while ((line = Console.ReadLine()) is not null)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) continue;
        if (words[0] == "quit") break;
        try
        {
            switch (words[0])
            {
                case "motor":
                    var seconds = words.Length > 2 ? double.Parse(words[2], CultureInfo.InvariantCulture) : 20;
                    memory.AddMotor(words[1], TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(seconds));
                    Console.WriteLine($"motor {words[1]} travels in {seconds} s");
                    break;
                case "prog":
                    memory.Motors[words[1]].ProgrammingMode = true;
                    Console.WriteLine($"{words[1]} is in programming mode: pair it from the gateway now");
                    break;
                case "my":
                    memory.Motors[words[1]].MyPosition = int.Parse(words[2], CultureInfo.InvariantCulture);
                    break;
                case "status":
                    foreach (var motor in memory.Motors.Values) Console.WriteLine(motor);
                    foreach (var (address, rolling) in memory.Remotes) Console.WriteLine($"remote {address} rolling code {rolling}");
                    break;
                case "nak": current()?.NakNext(int.Parse(words[1], CultureInfo.InvariantCulture)); break;
                case "drop": current()?.DropNext(int.Parse(words[1], CultureInfo.InvariantCulture)); break;
                default:
                    Console.WriteLine("""
                        motor NAME [SECONDS]   a motor that travels fully in SECONDS (default 20)
                        prog NAME              put the motor in programming mode (as holding PROG on its remote)
                        my NAME PERCENT        the motor's "my" position
                        status                 motors and the transceiver's remote table
                        nak N | drop N         refuse (NAK) or lose the next N RFY frames
                        quit
                        """);
                    break;
            }
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or KeyNotFoundException or ArgumentException)
        {
            Console.WriteLine($"? {ex.Message}");
        }
    }
}
return 0;
