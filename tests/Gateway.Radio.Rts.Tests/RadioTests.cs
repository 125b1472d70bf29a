using System.Text.Json;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Radio.Rts.Protocol;
using Gateway.Radio.Rts.Simulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Radio.Rts.Tests;

/// <summary>The radio against the simulated RFXtrx433E over a loopback TCP link, as with ser2net.</summary>
public sealed class RadioTests : IAsyncLifetime
{
    private readonly TcpRfxtrxServer _server = new(0);
    private readonly InMemoryRadioSettingsStore _settings = new();
    private RtsRadio _radio = null!;

    public async Task InitializeAsync()
    {
        _server.Start();
        _radio = await StartRadioAsync([]);
    }

    public async Task DisposeAsync()
    {
        await _radio.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task<RtsRadio> StartRadioAsync(IReadOnlyList<KnownDevice> known)
    {
        var options = new RtsRadioOptions
        {
            Port = $"tcp://127.0.0.1:{_server.Port}",
            ResetSettleMilliseconds = 20,
            ResponseTimeoutSeconds = 0.5,
        };
        var radio = new RtsRadio(options, TimeProvider.System, NullLogger<RtsRadio>.Instance);
        await radio.StartAsync(new RadioStartContext(known) { Settings = _settings }, default);
        await WaitUntilAsync(() => radio.Connected);
        return radio;
    }

    [Fact]
    public async Task Start_up_resets_reads_status_enables_no_receive_protocol_starts_the_receiver_and_lists_remotes()
    {
        var frames = _server.Current!.Received.ToList();
        Assert.Equal(InterfaceCommand.Reset, frames[0].Data[0]);
        Assert.Equal(InterfaceCommand.GetStatus, frames[1].Data[0]);
        Assert.Equal(InterfaceCommand.SetMode, frames[2].Data[0]);
        Assert.Equal([0x53, 0, 0, 0, 0, 0], frames[2].Data[1..7]);
        Assert.Equal(InterfaceCommand.StartReceiver, frames[3].Data[0]);
        Assert.True(RfyPacket.TryParse(frames[4], out var list) && list.Command == RfyCommand.ListRemotes);
        Assert.Equal(frames.Count, frames.Select(f => f.Sequence).Distinct().Count());
        Assert.Equal(RfxtrxSimulator.FirmwareVersion, _radio.TransceiverStatus!.FirmwareVersion);
    }

    [Fact]
    public async Task Pairing_programs_the_motor_with_a_new_address_and_commands_move_it()
    {
        var motor = _server.Memory.AddMotor("kitchen", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        motor.ProgrammingMode = true;
        var device = await _radio.PairAsync(_radio.NextChannel(), RtsKinds.RollerShutter, default);
        Assert.True(motor.Obeys(device.Rfy));
        var discovered = await NextReportAsync<DeviceDiscovered>();
        Assert.Equal(RtsKinds.RollerShutter, discovered.ControllableName);
        Assert.Equal(device.Address, discovered.Address);

        var progress = new RecordingProgress();
        await _radio.ExecuteAsync(Command(device, "close"), progress, default);
        Assert.True(progress.Transmitted && progress.InProgress);
        await WaitUntilAsync(() => motor.Closure >= 100);
        await _radio.ExecuteAsync(Command(device, "open"), new RecordingProgress(), default);
        await WaitUntilAsync(() => motor.Closure <= 0);
    }

    [Fact]
    public async Task A_removed_device_s_channel_is_not_given_again()
    {
        var first = await _radio.PairAsync(_radio.NextChannel(), RtsKinds.RollerShutter, default);
        await _radio.RemoveDeviceAsync(first.Address, default);
        var second = await _radio.PairAsync(_radio.NextChannel(), RtsKinds.HorizontalAwning, default);
        Assert.NotEqual(first.Rfy, second.Rfy);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _radio.PairAsync(first.Channel, RtsKinds.RollerShutter, default));
        Assert.Contains(_radio.Channels, c => c.Channel == first.Channel && c.Status == "removed");
    }

    [Fact]
    public async Task Naks_and_lost_frames_are_retried_until_the_ack()
    {
        var device = await _radio.PairAsync(_radio.NextChannel(), RtsKinds.RollerShutter, default);
        _server.Current!.NakNext(1);
        _server.Current.DropNext(1);
        await _radio.ExecuteAsync(Command(device, "down"), new RecordingProgress(), default);
        var counters = _radio.GetDiagnostics().Counters;
        Assert.Equal(1, counters["naks"]);
        Assert.Equal(1, counters["responseTimeouts"]);
        Assert.Equal(2, counters["retries"]);
    }

    [Fact]
    public async Task A_command_the_transceiver_keeps_refusing_fails_as_no_answer_and_an_unknown_remote_as_unknown()
    {
        var device = await _radio.PairAsync(_radio.NextChannel(), RtsKinds.RollerShutter, default);
        _server.Current!.NakNext(10);
        var refused = await Assert.ThrowsAsync<RadioCommandException>(() => _radio.ExecuteAsync(Command(device, "up"), new RecordingProgress(), default));
        Assert.Equal(FailureType.ActuatorNoAnswer, refused.FailureType);
        _server.Current.NakNext(0);

        _server.Memory.Remotes.Clear(); // the transceiver was erased behind the gateway's back
        var unknown = await Assert.ThrowsAsync<RadioCommandException>(() => _radio.ExecuteAsync(Command(device, "up"), new RecordingProgress(), default));
        Assert.Equal(FailureType.ActuatorUnknown, unknown.FailureType);
    }

    [Fact]
    public async Task Set_closure_moves_for_the_computed_time_then_stops_and_reports_an_estimated_closure()
    {
        var motor = _server.Memory.AddMotor("living", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        motor.ProgrammingMode = true;
        var device = await _radio.PairAsync(_radio.NextChannel(), RtsKinds.RollerShutter, default);
        await Assert.ThrowsAsync<RadioCommandException>(() => _radio.ExecuteAsync(Command(device, "setClosure", 50), new RecordingProgress(), default));
        await _radio.ExecuteAsync(Command(device, "setTravelDurations", 1, 1), new RecordingProgress(), default);
        await _radio.ExecuteAsync(Command(device, "setClosure", 60), new RecordingProgress(), default);

        // Unknown start: the gateway opened fully first, then closed for 0.6 s and stopped. Where the simulated motor
        // ended depends on how fast this machine delivered the stop, so only the frames and the estimate are checked.
        await WaitUntilAsync(() => _server.Current!.Transmitted.Any(p => p.Command == RfyCommand.Stop) && !motor.Moving);
        var sent = _server.Current!.Transmitted.Select(p => p.Command).ToList();
        Assert.Equal([RfyCommand.Program, RfyCommand.Up, RfyCommand.Down, RfyCommand.Stop], sent);
        var states = await ReportWithStateAsync(CoreStateNames.Closure);
        Assert.Equal(60, states.Single(s => s.Name == CoreStateNames.Closure).Value.GetInt32());
        Assert.True(states.Single(s => s.Name == RtsStateNames.ClosureEstimated).Value.GetBoolean());
    }

    [Fact]
    public async Task Set_closure_on_a_slow_motor_announces_its_whole_travel_so_the_engine_does_not_fail_it_early()
    {
        var motor = _server.Memory.AddMotor("awning", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        motor.ProgrammingMode = true;
        var device = await _radio.PairAsync(_radio.NextChannel(), RtsKinds.RollerShutter, default);
        await _radio.ExecuteAsync(Command(device, "setTravelDurations", 240, 200), new RecordingProgress(), default);
        var progress = new RecordingProgress();
        using var cancel = new CancellationTokenSource();

        // From an unknown position the motor first opens fully (240 s), then closes to 60 % (0.6 × 200 s).
        var move = _radio.ExecuteAsync(Command(device, "setClosure", 60), progress, cancel.Token);
        await WaitUntilAsync(() => !progress.Expected.IsEmpty);
        Assert.True(progress.Expected.Single() >= TimeSpan.FromSeconds(240 + 120), $"announced {progress.Expected.Single()}");
        Assert.True(progress.Expected.Single() > TimeSpan.FromMinutes(2));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => move);
    }

    [Fact]
    public async Task My_from_standstill_sends_the_stop_button_and_the_motor_goes_to_its_favourite_position()
    {
        var motor = _server.Memory.AddMotor("office", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        motor.MyPosition = 30;
        motor.ProgrammingMode = true;
        var device = await _radio.PairAsync(_radio.NextChannel(), RtsKinds.RollerShutter, default);
        await _radio.ExecuteAsync(Command(device, "setMemorized1Position", 30), new RecordingProgress(), default);
        await _radio.ExecuteAsync(Command(device, "my"), new RecordingProgress(), default);
        await WaitUntilAsync(() => !motor.Moving && Math.Abs(motor.Closure - 30) < 1);
        var states = await ReportWithStateAsync(CoreStateNames.Closure);
        Assert.Equal(30, states.Single(s => s.Name == CoreStateNames.Closure).Value.GetInt32());
    }

    [Fact]
    public async Task Venetian_tilt_sends_short_presses()
    {
        var motor = _server.Memory.AddMotor("blind", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        motor.ProgrammingMode = true;
        var device = await _radio.PairAsync(_radio.NextChannel(), RtsKinds.ExteriorVenetianBlind, default);
        await _radio.ExecuteAsync(Command(device, "tiltPositive", 2), new RecordingProgress(), default);
        await _radio.ExecuteAsync(Command(device, "tiltNegative"), new RecordingProgress(), default);
        Assert.Equal(1, motor.TiltSteps);
        await _radio.ExecuteAsync(Command(device, "close"), new RecordingProgress(), default);
        Assert.Equal(RfyCommand.Down2Seconds, _server.Current!.Transmitted.Last().Command);
    }

    [Fact]
    public async Task After_a_dropped_link_the_radio_reconnects_and_commands_work_again()
    {
        var device = await _radio.PairAsync(_radio.NextChannel(), RtsKinds.RollerShutter, default);
        await _server.DropConnectionAsync();
        await WaitUntilAsync(() => _radio.GetDiagnostics().Counters["connects"] >= 2 && _radio.Connected && _server.Current is not null);
        await _radio.ExecuteAsync(Command(device, "up"), new RecordingProgress(), default);
        Assert.Contains(_server.Current!.Transmitted, p => p.Command == RfyCommand.Up && p.Address == device.Rfy);
        Assert.True(_radio.GetDiagnostics().Counters["disconnects"] >= 1);
    }

    [Fact]
    public async Task After_a_restart_the_device_and_its_durations_come_back_and_the_next_channel_keeps_counting()
    {
        var device = await _radio.PairAsync(_radio.NextChannel(), RtsKinds.RollerShutter, default);
        await _radio.DisposeAsync();
        var known = new KnownDevice(device.Address, RtsKinds.RollerShutter,
            [DeviceState.Of(RtsStateNames.ChannelAttribute, device.Channel.ToString())])
        {
            States = [DeviceState.Of(RtsStateNames.OpeningDuration, 1.0), DeviceState.Of(RtsStateNames.ClosingDuration, 1.0), DeviceState.Of(CoreStateNames.Closure, 0)],
        };
        _radio = await StartRadioAsync([known]);
        await _radio.ExecuteAsync(Command(device, "setClosure", 20), new RecordingProgress(), default);
        Assert.Equal([RfyCommand.Down, RfyCommand.Stop], _server.Current!.Transmitted.Select(p => p.Command));
        Assert.True(_radio.NextChannel() > device.Channel);
    }

    private RadioCommand Command(RtsDevice device, string name, params int[] parameters) =>
        new(device.Address, name, [.. parameters.Select(p => JsonSerializer.SerializeToElement(p))]);

    private async Task<T> NextReportAsync<T>() where T : DeviceReport
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var report = await _radio.Reports.ReadAsync(timeout.Token);
            if (report is T wanted) return wanted;
        }
    }

    private async Task<IReadOnlyList<DeviceState>> ReportWithStateAsync(string state)
    {
        IReadOnlyList<DeviceState>? last = null;
        while (_radio.Reports.TryRead(out var report))
            if (report is StatesReported states && states.States.Any(s => s.Name == state)) last = states.States;
        return last ?? throw new InvalidOperationException($"no {state} reported");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition never became true");
            await Task.Delay(10);
        }
    }

    private sealed class RecordingProgress : IRadioCommandProgress
    {
        public bool Transmitted { get; private set; }
        public bool InProgress { get; private set; }

        void IRadioCommandProgress.Transmitted() => Transmitted = true;

        void IRadioCommandProgress.InProgress() => InProgress = true;

        public System.Collections.Concurrent.ConcurrentQueue<TimeSpan> Expected { get; } = new();

        void IRadioCommandProgress.ExpectCompletionWithin(TimeSpan duration) => Expected.Enqueue(duration);
    }
}
