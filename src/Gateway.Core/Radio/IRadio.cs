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

    Task StartAsync(CancellationToken cancellationToken);

    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs one command on one device. Completes when the device has done it; throws <see cref="RadioCommandException"/>
    /// when it cannot, and <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    Task ExecuteAsync(RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken);

    Task SetPairingModeAsync(bool enabled, TimeSpan duration, CancellationToken cancellationToken);

    RadioDiagnostics GetDiagnostics();
}
