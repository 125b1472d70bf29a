using Gateway.Radio.ZWave.Serial;
using Gateway.Radio.ZWave.SerialApi;
using Gateway.Radio.ZWave.Simulator;
using Gateway.Radio.ZWave.Simulator.Nodes;

namespace Gateway.Radio.ZWave.Tests.Serial;

/// <summary>The host's frame rules against the simulated controller over a real socket.</summary>
public sealed class SerialApiSessionTests : IAsyncLifetime
{
    private TcpLink _link = null!;
    private ZWaveControllerSimulator _controller = null!;
    private readonly SerialApiCounters _counters = new();
    private readonly CancellationTokenSource _stop = new();
    private SerialApiSession _session = null!;
    private Task _reading = Task.CompletedTask;

    private async Task OpenAsync(SerialApiTimeouts timeouts)
    {
        _session = new SerialApiSession(_link.Host, _counters, TimeProvider.System, timeouts);
        _reading = _session.RunAsync(_stop.Token);
        await Task.CompletedTask;
    }

    public async Task InitializeAsync()
    {
        _link = await TcpLink.OpenAsync();
        _controller = new ZWaveControllerSimulator(_link.Controller);
        _controller.AddNode(new SimulatedDimmer(3));
        await _controller.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        await _controller.DisposeAsync();
        await _link.DisposeAsync();
    }

    private Task<SerialApiResult> AskVersionAsync() =>
        _session.RequestAsync(new SerialApiTransaction(SerialFrame.Request(FunctionId.GetVersion)), CancellationToken.None);

    [Fact]
    public async Task A_request_is_answered_and_every_frame_of_the_controller_is_acknowledged()
    {
        await OpenAsync(new SerialApiTimeouts());
        var result = await AskVersionAsync();
        Assert.Equal("Z-Wave 7.18", LibraryVersion.Parse(result.Response!.Payload)!.Version);
        await Wait.UntilAsync(() => _controller.AcksFromHost == 1, "the host ACKed the response");
        Assert.Equal(1, Interlocked.Read(ref _counters.AcksSent));
        Assert.Equal(0, Interlocked.Read(ref _counters.Retransmissions));
    }

    [Fact]
    public async Task A_frame_the_controller_does_not_ACK_is_sent_again_after_the_ACK_timeout()
    {
        await OpenAsync(new SerialApiTimeouts());
        _controller.DropNextAcks(1);
        await AskVersionAsync();
        Assert.Equal(1, _controller.Retransmissions);
        Assert.Equal(1, Interlocked.Read(ref _counters.AckTimeouts));
        Assert.Equal(1, Interlocked.Read(ref _counters.Retransmissions));
    }

    [Fact]
    public async Task A_CAN_makes_the_host_send_the_frame_again()
    {
        await OpenAsync(new SerialApiTimeouts());
        _controller.CanNextFrames(2);
        await AskVersionAsync();
        Assert.Equal(2, Interlocked.Read(ref _counters.CansReceived));
        Assert.Equal(2, _controller.Retransmissions);
    }

    [Fact]
    public async Task The_host_gives_up_after_three_attempts_and_marks_the_controller_unresponsive()
    {
        await OpenAsync(new SerialApiTimeouts { Ack = TimeSpan.FromMilliseconds(200) });
        _controller.DropNextAcks(3);
        await Assert.ThrowsAsync<SerialApiTimeoutException>(AskVersionAsync);
        Assert.Equal(3, _controller.FramesReceived);
        Assert.True(_session.Unresponsive);
        await AskVersionAsync();
        Assert.False(_session.Unresponsive);
    }

    [Fact]
    public async Task A_missing_callback_times_out_and_the_next_transaction_still_runs()
    {
        await OpenAsync(new SerialApiTimeouts { Callback = TimeSpan.FromMilliseconds(300) });
        _controller.DropNextCallbacks(1);
        var id = _session.NextCallbackId();
        var send = new SerialApiTransaction(SerialFrame.Request(FunctionId.SendData, SendData.Request(3, [0x26, 0x01, 0x10], id)), true, id);
        await Assert.ThrowsAsync<SerialApiTimeoutException>(() => _session.RequestAsync(send, CancellationToken.None));
        Assert.Equal(1, Interlocked.Read(ref _counters.CallbackTimeouts));
        var again = _session.NextCallbackId();
        var result = await _session.RequestAsync(send with { Request = SerialFrame.Request(FunctionId.SendData, SendData.Request(3, [0x26, 0x01, 0x20], again)), CallbackId = again }, CancellationToken.None);
        Assert.Equal(SendData.TransmitOk, SendData.Status(result.Callback!.Payload));
        Assert.Equal(again, result.Callback.Payload[0]);
    }

    [Fact]
    public async Task A_corrupted_frame_from_the_controller_is_NAKed_and_garbage_is_counted()
    {
        await OpenAsync(new SerialApiTimeouts());
        await _controller.EmitBytesAsync(Hex.Bytes("42 42 01 03 00 15 00"));
        await Wait.UntilAsync(() => Interlocked.Read(ref _counters.NaksSent) == 1, "the host NAKed the corrupted frame");
        Assert.Equal(2, Interlocked.Read(ref _counters.GarbageBytes));
        Assert.Equal(1, Interlocked.Read(ref _counters.BadChecksums));
        await AskVersionAsync();
    }

    [Fact]
    public void Callback_ids_run_from_1_to_255_and_skip_0()
    {
        var session = new SerialApiSession(_link.Host, _counters, TimeProvider.System, new SerialApiTimeouts());
        var ids = Enumerable.Range(0, 600).Select(_ => session.NextCallbackId()).ToList();
        Assert.DoesNotContain((byte)0, ids);
        Assert.Equal(1, ids[0]);
        Assert.Equal(255, ids[254]);
        Assert.Equal(1, ids[255]);
    }
}
