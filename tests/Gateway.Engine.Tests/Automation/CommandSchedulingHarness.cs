using System.Text.Json;
using Gateway.Core.Automation;
using Gateway.Core.Events;
using Gateway.Core.Location;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Engine.Automation.CommandScheduling;
using Gateway.Engine.Calendars;
using Gateway.Engine.Location;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Engine.Tests.Automation;

/// <summary>
/// A home in Paris with the three roller shutters of <see cref="EngineHarness"/>, a manual clock, and a
/// command-scheduling service that can be restarted over the same settings.
/// </summary>
internal sealed class CommandSchedulingHarness : IAsyncDisposable
{
    public const string Zone = "Europe/Paris";
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById(Zone);

    public EngineHarness Engine { get; } = new();
    public InMemorySettingsStore Settings { get; } = new();
    public RecordingUplinkReports Reports { get; } = new();
    public LocationService Location { get; }
    public CommandSchedulingTriggerService Service { get; private set; } = null!;

    private CommandSchedulingHarness() => Location = new LocationService(Settings, Engine.Time);

    public ManualTimeProvider Time => Engine.Time;

    /// <summary>A harness whose clock is at <paramref name="localTime"/> on <paramref name="date"/> in Paris, the service running.</summary>
    public static async Task<CommandSchedulingHarness> StartAsync(DateOnly date, TimeOnly localTime, bool start = true)
    {
        var h = new CommandSchedulingHarness();
        h.Time.Jump(LocalTimes.At(date, localTime, Paris) - h.Time.GetUtcNow()); // before any timer exists
        await h.Location.UpdateAsync(new SetupLocation { Timezone = Zone, Latitude = 48.8566, Longitude = 2.3522 }, default);
        h.Service = h.NewService();
        await h.Service.LoadAsync(default);
        if (start) await h.Service.StartAsync(default);
        return h;
    }

    public static string Url(string address) => EngineHarness.Url(address);

    public static DateTimeOffset Local(DateOnly date, int hours, int minutes) => LocalTimes.At(date, new TimeOnly(hours, minutes), Paris);

    /// <summary>A gateway restart: the service stops, <paramref name="off"/> passes, a new one loads the same settings and starts.</summary>
    public async Task RestartAsync(TimeSpan off)
    {
        await Service.StopAsync(default);
        if (off > TimeSpan.Zero) Time.Advance(off, TimeSpan.FromMinutes(1));
        Service = NewService();
        await Service.LoadAsync(default);
        await Service.StartAsync(default);
    }

    /// <summary>
    /// Re-creates the service's timers on the current clock. The manual clock keeps timers at their wall-clock due
    /// times when it is set back; real timers are monotonic and keep ticking, which this stands for.
    /// </summary>
    public async Task RearmAsync()
    {
        await Service.StopAsync(default);
        await Service.StartAsync(default);
    }

    public void SetState(string address, DeviceState state) =>
        Engine.Registry.Apply(ScriptedRadio.Name, new StatesReported(address, [state]));

    /// <summary>Executions started by a command-scheduling trigger, by source, in start order.</summary>
    public IReadOnlyList<string> Runs => Registered.Select(r => r.Source).ToList();

    /// <summary>Executions started by a trigger: source, start instant and commands, in start order.</summary>
    public IReadOnlyList<(string Source, DateTimeOffset At, IReadOnlyList<string> Commands)> Registered =>
        Engine.Sink.Of<ExecutionRegisteredEvent>()
            .Where(e => Engine.Executions.Started.TryGetValue(e.ExecId, out var r) && r.Source.StartsWith("trigger:", StringComparison.Ordinal) && r.Owner == "trigger")
            .OrderBy(e => e.Timestamp)
            .Select(e => (Engine.Executions.Started[e.ExecId].Source, DateTimeOffset.FromUnixTimeMilliseconds(e.Timestamp),
                (IReadOnlyList<string>)e.Actions.SelectMany(a => a.Commands).Select(c => c.Name).ToList()))
            .ToList();

    /// <summary>Moves the clock to <paramref name="until"/> in steps of <paramref name="step"/> (timers fire on the way).</summary>
    public void AdvanceTo(DateTimeOffset until, TimeSpan? step = null)
    {
        if (until > Time.GetUtcNow()) Time.Advance(until - Time.GetUtcNow(), step ?? TimeSpan.FromMinutes(1));
    }

    public static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met");
            await Task.Delay(10);
        }
    }

    /// <summary>Lets what the last ticks started settle, for assertions that something did not happen.</summary>
    public static Task SettleAsync() => Task.Delay(100);

    /// <summary>A generic trigger read from its Overkiz JSON (the inner record of <c>{"genericCommandSchedulingTrigger": …}</c>).</summary>
    public static GenericCommandSchedulingTrigger Generic(string json) =>
        JsonSerializer.Deserialize(json, AutomationJsonContext.Default.GenericCommandSchedulingTrigger)!;

    public static DelayedCommandsSchedulingTrigger Delayed(string json) =>
        JsonSerializer.Deserialize(json, AutomationJsonContext.Default.DelayedCommandsSchedulingTrigger)!;

    /// <summary>"Set shutter 1 to 30 % at these local times every day" (minutes of day), optionally restricted.</summary>
    public static GenericCommandSchedulingTrigger Daily(params int[] minutesOfDay)
    {
        var times = string.Join(",", minutesOfDay.Select(m => "{\"dailyTime\":{\"minutesOfDay\":" + m + "}}"));
        return Generic($$"""
            {"label":"Morning shutter","serverSide":true,"mode":1,"deviceURL":"{{Url("1")}}","commandFunctionName":"setClosure",
             "commandSchedules":[{"scheduleTimes":[{{times}}],"parameters":[30],"label":"morning","enabled":true}]}
            """);
    }

    public static DelayedCommandsSchedulingTrigger OneShot(DateOnly date, int minutes, string address = "1") => Delayed($$"""
        {"label":"Christmas eve","serverSide":true,"mode":1,"allowFromUnknownValue":true,"deviceURL":"{{Url(address)}}",
         "commandCalls":[{"commandFunctionName":"setClosure","commandParameters":[50]},{"commandFunctionName":"stop","commandParameters":[]}],
         "commandLabel":"Half closed","commandMinutes":{{minutes}},"commandDay":{{date.Day}},"commandMonth":{{date.Month}},"commandYear":{{date.Year}},
         "stateRestrictions":[],"usingTriggerModeFlag":false}
        """);

    public async ValueTask DisposeAsync() => await Service.DisposeAsync();

    private CommandSchedulingTriggerService NewService() =>
        new(Engine.Registry, Engine.Engine, Location, Settings, Engine.Bus, EngineHarness.Identity, Time, NullLogger<CommandSchedulingTriggerService>.Instance,
            reports: Reports);
}
