using System.Collections.Concurrent;
using System.Globalization;
using Gateway.Core.Persistence;
using Gateway.Serial;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// Interviews devices that join, one at a time, retrying with exponential backoff. Pending interviews are kept in
/// the radio settings store (<c>interview/IEEE</c> = network address and attempts made), so a restart resumes them;
/// one that used up its attempts stays there marked failed and is reported, until the device announces itself again.
/// </summary>
public sealed class ZigbeeInterviews(
    IRadioSettingsStore settings,
    ZigbeeRadioOptions options,
    TimeProvider time,
    ILogger logger,
    Func<CancellationToken, Task<ZnpSession>> readySession,
    Func<NodeInterview, CancellationToken, Task> interviewed)
{
    public const string Protocol = ZigbeeRadio.ProtocolName;
    public const string KeyPrefix = "interview/";

    private readonly ConcurrentDictionary<ulong, Pending> _pending = new();
    private readonly ConcurrentDictionary<ulong, Task> _running = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private long _completed, _retries, _failures;

    /// <summary>Devices whose interview gave up, with the last reason.</summary>
    public IReadOnlyDictionary<ulong, string> Failed => _pending.Where(p => p.Value.FailedBecause is not null).ToDictionary(p => p.Key, p => p.Value.FailedBecause!);

    /// <summary>True when an interview of this device at this address is already under way or waiting for a retry.</summary>
    public bool IsPending(ulong ieee, ushort networkAddress) =>
        _pending.TryGetValue(ieee, out var pending) && pending.FailedBecause is null && pending.NetworkAddress == networkAddress;

    public int PendingCount => _pending.Count(p => p.Value.FailedBecause is null);

    public long Completed => Interlocked.Read(ref _completed);
    public long Retries => Interlocked.Read(ref _retries);
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Resumes the interviews a previous run left pending.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, value) in await settings.ListAsync(Protocol, KeyPrefix, cancellationToken))
        {
            if (!ulong.TryParse(key.AsSpan(KeyPrefix.Length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var ieee)) continue;
            if (Pending.TryParse(value) is not { } pending) continue;
            _pending[ieee] = pending;
            if (pending.FailedBecause is null) Launch(ieee);
        }
    }

    /// <summary>A device joined or announced itself again: (re)start its interview from the first attempt.</summary>
    public async Task RequestAsync(ulong ieee, ushort networkAddress, CancellationToken cancellationToken)
    {
        var pending = new Pending(networkAddress, 0, null);
        _pending[ieee] = pending;
        await settings.SetAsync(Protocol, Key(ieee), pending.ToString(), cancellationToken);
        Launch(ieee);
    }

    /// <summary>The device is gone: no interview of it goes on or is retried (the running attempt ends at its next step).</summary>
    public async Task ForgetAsync(ulong ieee, CancellationToken cancellationToken)
    {
        _pending.TryRemove(ieee, out _);
        await settings.DeleteAsync(Protocol, Key(ieee), cancellationToken);
    }

    /// <summary>Starts again, from the first attempt, every interview that gave up; answers how many.</summary>
    public async Task<int> RetryFailedAsync(CancellationToken cancellationToken)
    {
        var failed = _pending.Where(p => p.Value.FailedBecause is not null).ToList();
        foreach (var (ieee, pending) in failed) await RequestAsync(ieee, pending.NetworkAddress, cancellationToken);
        return failed.Count;
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private void Launch(ulong ieee)
    {
        if (_running.ContainsKey(ieee)) return;
        var task = Task.Run(() => RunAsync(ieee, _stopping.Token));
        if (!_running.TryAdd(ieee, task)) return;
        _ = task.ContinueWith(_ => _running.TryRemove(ieee, out Task? _), TaskScheduler.Default);
    }

    private async Task RunAsync(ulong ieee, CancellationToken cancellationToken)
    {
        try
        {
            while (_pending.TryGetValue(ieee, out var pending) && pending.FailedBecause is null)
            {
                if (pending.Attempts > 0) await Task.Delay(Backoff(pending.Attempts), time, cancellationToken);
                var session = await readySession(cancellationToken);
                string reason;
                await _oneAtATime.WaitAsync(cancellationToken);
                try
                {
                    var node = await new ZdoInterviewer(session, TimeSpan.FromSeconds(options.ZdoResponseTimeoutSeconds)).RunAsync(ieee, pending.NetworkAddress, cancellationToken);
                    // Removed (or its network left) while the ZDO answers came in: it must not come back as a device.
                    if (!_pending.ContainsKey(ieee)) return;
                    await interviewed(node, cancellationToken);
                    // A new announcement during the interview restarts it rather than being forgotten.
                    if (!_pending.TryGetValue(ieee, out var now) || now != pending) continue;
                    _pending.TryRemove(ieee, out _);
                    await settings.DeleteAsync(Protocol, Key(ieee), cancellationToken);
                    Interlocked.Increment(ref _completed);
                    logger.LogInformation("Zigbee device {Ieee:X16} interviewed: {Endpoints} endpoint(s)", ieee, node.Endpoints.Count);
                    return;
                }
                catch (Exception ex) when (ex is ZigbeeInterviewException or ZnpTimeoutException or TransportException or ZnpRpcErrorException or ZigbeeDeliveryException or InvalidOperationException)
                {
                    reason = ex.Message;
                }
                finally
                {
                    _oneAtATime.Release();
                }

                var attempts = pending.Attempts + 1;
                var next = attempts >= options.InterviewAttempts ? pending with { Attempts = attempts, FailedBecause = reason } : pending with { Attempts = attempts };
                if (!_pending.TryUpdate(ieee, next, pending)) continue;
                await settings.SetAsync(Protocol, Key(ieee), next.ToString(), cancellationToken);
                if (next.FailedBecause is null)
                {
                    Interlocked.Increment(ref _retries);
                    logger.LogInformation("Zigbee interview of {Ieee:X16} failed ({Reason}); retrying in {Delay}", ieee, reason, Backoff(attempts));
                }
                else
                {
                    Interlocked.Increment(ref _failures);
                    logger.LogWarning("Zigbee interview of {Ieee:X16} gave up after {Attempts} attempts: {Reason}. Wake the device or pair it again", ieee, attempts, reason);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(options.InterviewRetrySeconds * Math.Pow(2, attempts - 1), 600));

    private static string Key(ulong ieee) => KeyPrefix + ieee.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Stored as <c>nwk;attempts[;failed reason]</c>.</summary>
    private sealed record Pending(ushort NetworkAddress, int Attempts, string? FailedBecause)
    {
        public override string ToString() => FailedBecause is null
            ? string.Create(CultureInfo.InvariantCulture, $"{NetworkAddress:x4};{Attempts}")
            : string.Create(CultureInfo.InvariantCulture, $"{NetworkAddress:x4};{Attempts};{FailedBecause}");

        public static Pending? TryParse(string text)
        {
            var parts = text.Split(';', 3);
            return parts.Length >= 2 && ushort.TryParse(parts[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var nwk)
                && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var attempts)
                ? new Pending(nwk, attempts, parts.Length == 3 ? parts[2] : null)
                : null;
        }
    }
}
