using Gateway.Core.Errors;
using Gateway.Core.Executions;

namespace Gateway.Engine.Tests;

public class ValidationTests
{
    private static async Task<OverkizError> Refused(ExecutionRequest request)
    {
        var h = new EngineHarness();
        var ex = await Assert.ThrowsAsync<OverkizException>(() => h.Engine.ApplyAsync(request, default));
        Assert.Empty(h.Executions.Started);
        return ex.Error;
    }

    [Fact]
    public async Task Unknown_device_is_no_such_device()
    {
        var error = await Refused(EngineHarness.Request(("99", [EngineHarness.Command("open")])));
        Assert.Equal(OverkizError.NoSuchDevice(EngineHarness.Url("99")), error);
    }

    [Fact]
    public async Task Two_actions_on_one_device_are_a_duplicate()
    {
        var error = await Refused(EngineHarness.Request(("1", [EngineHarness.Command("open")]), ("1", [EngineHarness.Command("close")])));
        Assert.Equal(OverkizError.DuplicateActionOnDevice(EngineHarness.Url("1")), error);
    }

    [Fact]
    public async Task No_actions_or_no_commands_is_a_malformed_action_group()
    {
        Assert.Equal(OverkizError.MalformedActionGroup(), await Refused(new ExecutionRequest("x", [], "o", "local")));
        Assert.Equal(OverkizError.MalformedActionGroup(), await Refused(EngineHarness.Request(("1", []))));
    }

    [Theory]
    [InlineData("fly", new object[0], "No such command : fly")]
    [InlineData("setClosure", new object[0], "setClosure expects 1 parameter(s), got 0")]
    [InlineData("setClosure", new object[] { 1, 2 }, "setClosure expects 1 parameter(s), got 2")]
    [InlineData("setClosure", new object[] { "half" }, "setClosure: parameter 1 must be an integer")]
    [InlineData("setClosure", new object[] { 150 }, "setClosure: parameter 1 must be between 0 and 100")]
    public async Task Commands_outside_the_definition_are_bad_parameters(string name, object[] parameters, string message)
    {
        var error = await Refused(EngineHarness.Request(("1", [EngineHarness.Command(name, null, parameters)])));
        Assert.Equal(OverkizError.BadParameters(message), error);
        Assert.Equal(400, error.Status);
    }
}
