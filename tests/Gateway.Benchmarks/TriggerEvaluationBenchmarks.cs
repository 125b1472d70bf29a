using System.Collections.Concurrent;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Gateway.Core.ActionGroups;
using Gateway.Core.Catalog;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Automation;
using Gateway.Engine.Devices;
using Gateway.Engine.Events;
using Gateway.Engine.Executions;
using Gateway.Engine.Location;
using Gateway.Engine.Radios;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks;

/// <summary>
/// One state change against 1,000 if-then triggers (weekday window, ten-minute activation delay) spread over 200
/// thermometers: five triggers read the thermometer that changes. The referenced case flips it across 26 °C, so each
/// change evaluates five triggers and arms or cancels their activation timers and persists the pending list; the
/// unrelated case changes a state no trigger reads. Both include the registry update that produces the event.
/// </summary>
[MemoryDiagnoser]
public class TriggerEvaluationBenchmarks
{
    public const int Triggers = 1000;
    public const int Thermometers = 200;
    public const int ReadingTheHotOne = 5;
    private const string Protocol = "bench";
    private const string GatewayId = "0000-1111-2222";
    private static readonly SetupIdentity Identity = new(GatewayId, "setup", "place", 0);

    private DeviceRegistry _registry = null!;
    private TriggerEngine _engine = null!;
    private bool _hot;
    private int _unrelated;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var time = TimeProvider.System;
        var bus = new EventBus(NullLogger<EventBus>.Instance);
        var settings = new MemorySettings();
        _registry = new DeviceRegistry(DeviceCatalog.LoadEmbedded(), new MemoryDevices(), bus, Identity, time, NullLogger<DeviceRegistry>.Instance);
        for (var i = 0; i < Thermometers; i++)
            _registry.Apply(Protocol, new DeviceDiscovered($"t{i}", "io:TemperatureIOSystemSensor", $"Thermometer {i}", [DeviceState.Of("core:TemperatureState", 20.0)], []));
        _registry.Apply(Protocol, new DeviceDiscovered("awning", "io:HorizontalAwningIOComponent", "Awning", [DeviceState.Of("core:DeploymentState", 0)], []));
        var engine = new ExecutionEngine(_registry, new RadioDirectory([]), bus, new MemoryExecutions(), Identity, new EngineOptions(), time, NullLogger<ExecutionEngine>.Instance);
        var actionGroups = new ActionGroupService(new MemoryActionGroups(), _registry, engine, bus, Identity, time);
        var group = await actionGroups.CreateAsync(new ActionGroupDraft("Lower the awning", [new ActionRecord(Url("awning"), [new CommandRecord("deploy", null, null)])], null, false, 0, null, null, null), default);
        var location = new LocationService(settings, time);
        var conditionGroups = new ConditionGroupService(settings, _registry, bus, Identity, time);
        _engine = new TriggerEngine(_registry, conditionGroups, actionGroups, location, settings, bus, Identity, time, NullLogger<TriggerEngine>.Instance);
        await _engine.LoadAsync(default);

        for (var i = 0; i < Triggers; i++)
        {
            // Triggers 0..4 read thermometer t0; the others are spread over t1..t199.
            var thermometer = i < ReadingTheHotOne ? 0 : 1 + i % (Thermometers - 1);
            var json = $$"""
                {"ifThenSetupTrigger":{"label":"Trigger {{i}}","mode":3,
                  "schedulingIntervals":[{"weekHours":{"startMinutes":0,"stopMinutes":1440,"dayMask":127} }],
                  "rootConditionBlock":{"staticDeviceStateCondition":{"deviceURL":"{{Url($"t{thermometer}")}}","stateName":"core:TemperatureState",
                    "operator":"GREATER_THAN","value1":"{{26 + i % 3}}","activationDelay":600} },
                  "effects":[{"actionGroupEffect":{"actionGroupOID":"{{group.Oid}}"} }]} }
                """;
            using var document = JsonDocument.Parse(json);
            await _engine.CreateAsync(AutomationRequestReader.ReadTrigger(document.RootElement), false, default);
        }
    }

    [Benchmark(Description = "state change read by 5 of 1,000 triggers")]
    public int ReferencedStateChange()
    {
        _hot = !_hot;
        var state = DeviceState.Of("core:TemperatureState", _hot ? 30.0 : 20.0);
        _registry.Apply(Protocol, new StatesReported("t0", [state]));
        return _engine.ProcessAsync(new Gateway.Core.Events.DeviceStateChangedEvent(Url("t0"), [state])).AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "state change read by none of 1,000 triggers")]
    public int UnrelatedStateChange()
    {
        var state = DeviceState.Of("core:DeploymentState", ++_unrelated % 100);
        _registry.Apply(Protocol, new StatesReported("awning", [state]));
        return _engine.ProcessAsync(new Gateway.Core.Events.DeviceStateChangedEvent(Url("awning"), [state])).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static string Url(string address) => $"{Protocol}://{GatewayId}/{address}";

    private sealed class MemorySettings : ISettingsStore
    {
        private readonly ConcurrentDictionary<string, string> _values = new();
        public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_values.GetValueOrDefault(key));
        public Task SetAsync(string key, string value, CancellationToken cancellationToken) { _values[key] = value; return Task.CompletedTask; }
    }

    private sealed class MemoryDevices : IDeviceStore
    {
        public Task<IReadOnlyList<Device>> LoadAllAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Device>>([]);
        public void Save(Device device) { }
        public void Delete(string deviceUrl) { }
        public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class MemoryExecutions : IExecutionStore
    {
        public Task RecordStartedAsync(string id, ExecutionRequest request, long startTime, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task RecordFinishedAsync(HistoryExecution execution, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<int> FailUnfinishedAsync(long now, CancellationToken cancellationToken) => Task.FromResult(0);
        public Task<IReadOnlyList<HistoryExecution>> LoadHistoryAsync(int limit, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<HistoryExecution>>([]);
    }

    private sealed class MemoryActionGroups : IActionGroupStore
    {
        public Task<IReadOnlyList<ActionGroup>> LoadAllAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ActionGroup>>([]);
        public Task SaveAsync(ActionGroup group, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<bool> DeleteAsync(string oid, CancellationToken cancellationToken) => Task.FromResult(true);
        public Task<IReadOnlyList<ScheduledExecution>> LoadSchedulesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ScheduledExecution>>([]);
        public Task SaveScheduleAsync(ScheduledExecution schedule, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<bool> DeleteScheduleAsync(string triggerId, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
