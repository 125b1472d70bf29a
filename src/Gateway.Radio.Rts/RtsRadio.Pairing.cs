using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Radio.Rts.Protocol;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.Rts;

public sealed partial class RtsRadio
{
    /// <summary>The Overkiz name of the pairing operation in events (RtsTransferKeyCompletedEvent / …FailedEvent).</summary>
    public const string TransferKeyOperation = "TransferKey";

    /// <summary>The channel (RFY address) the next pairing gets; nothing is reserved until it is used.</summary>
    public int NextChannel() => _book.NextChannel();

    /// <summary>
    /// Pairs the motor that is in programming mode (its own remote's PROG button held until it jogged) with
    /// <paramref name="channel"/>: the channel is recorded as used, then "program" goes out from its RFY address. Done
    /// when the transceiver confirms; the device is then reported. Throws <see cref="ArgumentException"/> on a bad
    /// channel or kind, <see cref="InvalidOperationException"/> when the channel was used or the transceiver failed.
    /// </summary>
    public async Task<RtsDevice> PairAsync(int channel, string controllableName, CancellationToken cancellationToken)
    {
        if (!RtsKinds.All.Contains(controllableName)) throw new ArgumentException($"{controllableName} is not an RTS device the gateway pairs");
        try
        {
            await WaitForLinkAsync(cancellationToken);
        }
        catch (RadioCommandException ex)
        {
            throw new InvalidOperationException(ex.Message);
        }
        var rfy = await _book.ReserveAsync(channel, cancellationToken);
        _pairing = true;
        _reports.Writer.TryWrite(new PairingModeReported(true, false));
        try
        {
            await TransmitAsync(new RfyPacket(RfySubtype.Rfy, rfy, RfyCommand.Program), cancellationToken);
        }
        catch (Exception ex) when (ex is RadioCommandException or OperationCanceledException)
        {
            await _book.MarkAsync(channel, "failed", CancellationToken.None);
            _reports.Writer.TryWrite(new NetworkOperationReported(TransferKeyOperation, false));
            EndPairing();
            _logger.LogWarning("RTS pairing on channel {Channel} ({Rfy}) failed: {Reason}", channel, rfy, ex.Message);
            if (ex is OperationCanceledException) throw;
            throw new InvalidOperationException(ex.Message);
        }
        await _book.MarkAsync(channel, "paired", cancellationToken);
        var device = new RtsDevice(RtsDevice.AddressFor(rfy), channel, rfy, RfySubtype.Rfy, controllableName);
        _devices[device.Address] = device;
        _estimates[device.Address] = new ClosureEstimator(_time);
        _reports.Writer.TryWrite(new DeviceDiscovered(device.Address, controllableName, $"{RtsKinds.Label(controllableName)} {channel}", [],
            [DeviceState.Of(RtsStateNames.RfyAddressAttribute, rfy.ToString()), DeviceState.Of(RtsStateNames.ChannelAttribute, channel.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             DeviceState.Of(RtsStateNames.SubtypeAttribute, device.Subtype.ToString())]));
        _reports.Writer.TryWrite(new NetworkOperationReported(TransferKeyOperation, true));
        EndPairing();
        _logger.LogInformation("RTS {Kind} paired on channel {Channel} as {Rfy} ({Address})", controllableName, channel, rfy, device.Address);
        return device;
    }

    /// <summary>Generic pairing (gatewayctl pair): the next channel, with the profile as the controllable name (a roller shutter by default).</summary>
    public async Task StartPairingAsync(PairingRequest request, CancellationToken cancellationToken) =>
        await PairAsync(NextChannel(), request.Profile ?? RtsKinds.RollerShutter, cancellationToken);

    /// <summary>RTS pairing is one transmission: there is no mode to stop.</summary>
    public Task StopPairingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void EndPairing()
    {
        _pairing = false;
        _reports.Writer.TryWrite(new PairingModeReported(false, false));
    }
}
