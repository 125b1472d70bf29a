using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Threading.Channels;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Radio;

namespace Gateway.Engine.Pod;

/// <summary>The gateway box itself, shown as the <c>internal://…/pod/0</c> device every TaHoma setup has.</summary>
public sealed class PodRadio(string label) : IRadio
{
    public const string Address = "pod/0";
    private const string ControllableName = "internal:PodV2Component";

    private readonly Channel<DeviceReport> _reports = Channel.CreateUnbounded<DeviceReport>();
    private long _commands;

    public string Protocol => "internal";

    public ChannelReader<DeviceReport> Reports => _reports.Reader;

    public Task StartAsync(RadioStartContext context, CancellationToken cancellationToken)
    {
        _reports.Writer.TryWrite(new DeviceDiscovered(Address, ControllableName, label,
        [
            DeviceState.Of("core:NameState", label),
            DeviceState.Of("core:CountryCodeState", "FR"),
            DeviceState.Of("core:ConnectivityState", "online"),
            DeviceState.Of("core:LocalIPv4AddressState", LocalIPv4() ?? "127.0.0.1"),
            DeviceState.Of("internal:LightingLedPodModeState", 1),
        ], []));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ExecuteAsync(RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        if (command.Address != Address) throw new RadioCommandException(FailureType.ActuatorUnknown, $"no pod at {command.Address}");
        Interlocked.Increment(ref _commands);
        progress.Transmitted();
        var states = command.Name switch
        {
            "setPodLedOn" => [DeviceState.Of("internal:LightingLedPodModeState", 1)],
            "setPodLedOff" => [DeviceState.Of("internal:LightingLedPodModeState", 0)],
            "setLightingLedPodMode" => [DeviceState.Of("internal:LightingLedPodModeState", (int)Math.Round(command.Parameters[0].GetDouble()))],
            "setCountryCode" => [DeviceState.Of("core:CountryCodeState", command.Parameters[0].GetString() ?? "")],
            "getName" => [DeviceState.Of("core:NameState", label)],
            "refreshPodMode" or "refreshUpdateStatus" or "update" or "activateCalendar" or "deactivateCalendar" => Array.Empty<DeviceState>(),
            _ => throw new RadioCommandException(FailureType.CommandUnknown, $"pod does not know {command.Name}"),
        };
        if (states.Length > 0) _reports.Writer.TryWrite(new StatesReported(Address, states));
        return Task.CompletedTask;
    }

    public Task StartPairingAsync(PairingRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopPairingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public RadioDiagnostics GetDiagnostics() =>
        new(Protocol, true, false, new Dictionary<string, long> { ["commands"] = Interlocked.Read(ref _commands) });

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string? LocalIPv4()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)?.ToString();
        }
        catch (NetworkInformationException)
        {
            return null;
        }
    }
}
