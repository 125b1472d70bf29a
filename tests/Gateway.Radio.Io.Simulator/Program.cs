using Gateway.Radio.Io.Simulator;

// klf200-sim [--port N] [--password TEXT]: a KLF-200 with three io nodes on 127.0.0.1, until Ctrl+C.
var port = 51200;
var password = "velux123";
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--port": port = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--password": password = args[i + 1]; break;
        default:
            Console.Error.WriteLine($"klf200-sim: unknown option {args[i]} (use --port N --password TEXT)");
            return 2;
    }
}

await using var simulator = new Klf200Simulator(password, port);
simulator.Add(SimulatedIoNode.RollerShutter(0, 0x5A75A5, "Living room"));
simulator.Add(SimulatedIoNode.VeluxWindow(1, 0x3C1F22, "Roof window"));
simulator.Add(SimulatedIoNode.Awning(2, 0x1B2C3D, "Terrace"));
await simulator.StartAsync();
Console.WriteLine($"KLF-200 simulator on {simulator.Url}");
Console.WriteLine($"certificate SHA-256 {simulator.Fingerprint}");
Console.WriteLine($"gatewayd --Gateway:Radios:Io:Port={simulator.Url} --Gateway:Radios:Io:Password={password} --Gateway:Radios:Io:CertificateFingerprint={simulator.Fingerprint}");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
await stop.Task;
return 0;
