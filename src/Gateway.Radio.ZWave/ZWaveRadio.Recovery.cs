using Gateway.Radio.ZWave.Serial;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.ZWave;

/// <summary>
/// Recovery from a controller that stopped answering: the link is reopened and, before the controller is read again,
/// soft-reset (SoftReset 0x08) so a wedged Serial API starts afresh. A 700/800 series controller announces its
/// restart (SerialApiStarted); a 500 series one says nothing, so the wait for it is short and not required.
/// </summary>
public sealed partial class ZWaveRadio
{
    private static readonly TimeSpan RestartAnnouncementWait = TimeSpan.FromMilliseconds(1500);
    private volatile bool _softResetNext;
    private long _softResets;

    private async Task SoftResetAsync(SerialApiSession session, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _serialApiStarted = started;
        try
        {
            await session.RequestAsync(new SerialApiTransaction(SerialFrame.Request(FunctionId.SoftReset), false), cancellationToken);
            Interlocked.Increment(ref _softResets);
            _softResetNext = false;
            _logger.LogInformation("Z-Wave controller on {Port} soft-reset", session.Name);
            try
            {
                await started.Task.WaitAsync(RestartAnnouncementWait, _time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // A 500 series controller restarts without a word.
            }
        }
        finally
        {
            _serialApiStarted = null;
        }
    }
}
