using Gateway.Core.Catalog;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Engine.Devices;
using Gateway.Engine.Events;
using Gateway.Engine.Executions;
using Gateway.Engine.Radios;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Engine.Tests;

/// <summary>An engine wired to a scripted radio with three roller shutters and a manual clock.</summary>
internal sealed class EngineHarness
{
    public const string GatewayId = "1234-5678-9012";
    public static readonly SetupIdentity Identity = new(GatewayId, "setup", "place", 0);

    public ManualTimeProvider Time { get; } = new();
    public RecordingSink Sink { get; } = new();
    public InMemoryExecutionStore Executions { get; } = new();
    public InMemoryDeviceStore Devices { get; } = new();
    public ScriptedRadio Radio { get; }
    public EventBus Bus { get; } = new(NullLogger<EventBus>.Instance);
    public DeviceRegistry Registry { get; }
    public ExecutionEngine Engine { get; }

    public EngineHarness(int maxConcurrent = 50)
    {
        Radio = new ScriptedRadio(Time);
        Bus.Subscribe(Sink);
        Registry = new DeviceRegistry(DeviceCatalog.LoadEmbedded(), Devices, Bus, Identity, Time, NullLogger<DeviceRegistry>.Instance);
        foreach (var address in new[] { "1", "2", "3" })
            Registry.Apply(ScriptedRadio.Name, new DeviceDiscovered(address, "io:RollerShutterGenericIOComponent", $"Shutter {address}", [DeviceState.Of("core:ClosureState", 0)], []));
        Engine = new ExecutionEngine(Registry, new RadioDirectory([Radio]), Bus, Executions, Identity,
            new EngineOptions { MaxConcurrentExecutions = maxConcurrent, CommandTimeout = TimeSpan.FromSeconds(30) }, Time, NullLogger<ExecutionEngine>.Instance);
    }

    public static string Url(string address) => $"{ScriptedRadio.Name}://{GatewayId}/{address}";

    public static ExecutionRequest Request(params (string Address, CommandRecord[] Commands)[] actions) =>
        new("test", actions.Select(a => new ActionRecord(Url(a.Address), a.Commands)).ToList(), "owner", "local");

    public static CommandRecord Command(string name, int? delay = null, params object[] parameters) =>
        new(name, parameters.Length == 0 ? null : parameters.Select(p => System.Text.Json.JsonSerializer.SerializeToElement(p)).ToList(), delay);

    /// <summary>Advances the clock in small steps until <paramref name="condition"/> holds (or a simulated minute passes).</summary>
    public void AdvanceUntil(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++) Time.Advance(TimeSpan.FromMilliseconds(100));
        if (!condition()) throw new TimeoutException("condition never held");
    }

    /// <summary>Advances the clock until the execution is in history (or gives up after a simulated minute).</summary>
    public HistoryExecution Finish(string execId)
    {
        for (var i = 0; i < 600; i++)
        {
            if (Executions.Finished.TryGetValue(execId, out var done)) return done;
            Time.Advance(TimeSpan.FromMilliseconds(100));
        }
        throw new TimeoutException($"execution {execId} never finished");
    }
}
