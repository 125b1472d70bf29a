using Gateway.Core.Events;
using Gateway.Core.Executions;
using Gateway.Core.Radio;

namespace Gateway.Engine.Tests;

/// <summary>Reports that end an operation the API answered with an execId, and a device renamed on its own side.</summary>
public class RadioOperationExecutionTests
{
    [Fact]
    public void An_operation_with_an_execId_ends_as_that_executions_state_change_not_as_a_protocol_event()
    {
        var h = new EngineHarness();
        h.Registry.Apply("io", new NetworkOperationReported("DiscoverActuators", true) { ExecId = "exec-1", Owner = "phone" });
        h.Registry.Apply("io", new NetworkOperationReported("DiscoverActuators", false) { ExecId = "exec-2" });

        Assert.Empty(h.Sink.Of<RadioNetworkEvent>());
        var ends = h.Sink.Of<ExecutionStateChangedEvent>().ToList();
        Assert.Equal(["exec-1", "exec-2"], ends.Select(e => e.ExecId));
        Assert.Equal([ExecutionState.Completed, ExecutionState.Failed], ends.Select(e => e.NewState));
        Assert.Equal("phone", ends[0].OwnerKey);
        Assert.Equal("NON_EXECUTING", ends[1].FailureType);
    }

    [Fact]
    public void A_label_reported_by_the_radio_renames_the_device_with_a_device_updated_event()
    {
        var h = new EngineHarness();
        h.Registry.Apply(ScriptedRadio.Name, new DeviceDiscovered("1", "io:RollerShutterGenericIOComponent", "Shutter 1", [], []));

        h.Registry.Apply(ScriptedRadio.Name, new LabelReported("1", "Kitchen"));
        h.Registry.Apply(ScriptedRadio.Name, new LabelReported("1", "Kitchen"));

        Assert.Equal("Kitchen", h.Registry.Find(EngineHarness.Url("1"))!.Label);
        var updated = Assert.Single(h.Sink.Of<DeviceUpdatedEvent>());
        Assert.Equal("Kitchen", updated.Label);
        Assert.Contains("\"name\":\"DeviceUpdatedEvent\"", System.Text.Encoding.UTF8.GetString(Core.Json.EventJson.Serialize(updated)));
    }
}
