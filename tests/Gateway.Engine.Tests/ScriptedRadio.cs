using System.Collections.Concurrent;
using System.Threading.Channels;
using Gateway.Core.Executions;
using Gateway.Core.Radio;

namespace Gateway.Engine.Tests;

/// <summary>
/// A radio for engine tests: "close" takes five seconds of (fake) time; "setClosure" and "setPosition" take their
/// parameter in seconds, and only "setClosure" tells the engine so in advance; everything else is instant; addresses
/// in <see cref="Silent"/> never answer.
/// </summary>
internal sealed class ScriptedRadio(TimeProvider time) : IRadio
{
    public const string Name = "test";
    private readonly Channel<DeviceReport> _reports = Channel.CreateUnbounded<DeviceReport>();

    public ConcurrentQueue<(string Address, string Command, DateTimeOffset At)> Executed { get; } = new();
    public ConcurrentQueue<(string Address, string Command)> Interrupted { get; } = new();
    public HashSet<string> Silent { get; } = [];

    public string Protocol => Name;
    public ChannelReader<DeviceReport> Reports => _reports.Reader;
    public Task StartAsync(RadioStartContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartPairingAsync(PairingRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopPairingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public RadioDiagnostics GetDiagnostics() => new(Name, true, false, new Dictionary<string, long>());
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public async Task ExecuteAsync(RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        Executed.Enqueue((command.Address, command.Name, time.GetUtcNow()));
        progress.Transmitted();
        if (Silent.Contains(command.Address)) throw new RadioCommandException(FailureType.ActuatorNoAnswer, "silent");
        progress.InProgress();
        var duration = command.Name switch
        {
            "close" => TimeSpan.FromSeconds(5),
            "setClosure" or "setPosition" => TimeSpan.FromSeconds(command.Parameters[0].GetDouble()),
            _ => TimeSpan.Zero,
        };
        if (duration == TimeSpan.Zero) return;
        if (command.Name == "setClosure") progress.ExpectCompletionWithin(duration + TimeSpan.FromSeconds(1));
        try
        {
            await Task.Delay(duration, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Interrupted.Enqueue((command.Address, command.Name));
            throw;
        }
    }
}
