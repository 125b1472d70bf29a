using System.Threading.Channels;

namespace Gateway.Core.Radio;

/// <summary>
/// The contract every radio driver implements. A driver owns one deviceURL protocol, knows its wire format and
/// its devices, and never touches HTTP, MQTT or SQL.
/// </summary>
public interface IRadio : IAsyncDisposable
{
    /// <summary>The deviceURL scheme this radio owns (io, zigbee, enocean, internal, ...).</summary>
    string Protocol { get; }

    /// <summary>What the radio discovers and its devices report, in order.</summary>
    ChannelReader<DeviceReport> Reports { get; }

    Task StartAsync(RadioStartContext context, CancellationToken cancellationToken);

    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs one command on one device. Completes when the device has done it; throws <see cref="RadioCommandException"/>
    /// when it cannot, and <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    Task ExecuteAsync(RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken);

    /// <summary>Opens the radio for new devices until the duration passes or <see cref="StopPairingAsync"/>; reports <see cref="PairingModeReported"/>.</summary>
    Task StartPairingAsync(PairingRequest request, CancellationToken cancellationToken);

    Task StopPairingAsync(CancellationToken cancellationToken);

    RadioDiagnostics GetDiagnostics();
}
