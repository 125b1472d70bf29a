namespace Gateway.Integration.Tests;

/// <summary>
/// Malformed trigger bodies of every type get a 400 with the box's error body, nothing is stored, and the daemon keeps
/// serving. (A wider sweep — every member of each type replaced by nulls, wrong types and extreme values — found no
/// other status; these are its representative cases.)
/// </summary>
public class MalformedTriggerTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("""{"discreteTrigger":{"label":"d","deviceURL":"DEVICE","stateName":"core:OnOffState","effectsList":null}}""")]
    [InlineData("""{"discreteTrigger":{"label":"d","deviceURL":"DEVICE","stateName":"core:OnOffState","effectsList":[null]}}""")]
    [InlineData("""{"discreteTrigger":{"label":"d","deviceURL":"DEVICE","stateName":"core:OnOffState","effectsList":[{"key":"on","effects":[{}]}]}}""")]
    [InlineData("""{"discreteTrigger":{"label":"d","deviceURL":"DEVICE","stateName":"core:OnOffState","effectsList":[{"key":"on","effects":[]}],"activationDelays":{"map":{"on":-5}}}}""")]
    [InlineData("""{"genericCommandSchedulingTrigger":{"label":"g","deviceURL":"DEVICE","commandFunctionName":"on","commandSchedules":null}}""")]
    [InlineData("""{"genericCommandSchedulingTrigger":{"label":"g","deviceURL":"DEVICE","commandFunctionName":"on","commandSchedules":[{"scheduleTimes":[{"weeklyTime":{"minutesOfDay":600}}]}]}}""")]
    [InlineData("""{"genericCommandSchedulingTrigger":{"label":"g","deviceURL":"DEVICE","commandFunctionName":"on","commandSchedules":[{"scheduleTimes":[{"dailyTime":{"minutesOfDay":1440}}]}]}}""")]
    [InlineData("""{"genericCommandSchedulingTrigger":{"label":"g","deviceURL":"DEVICE","commandFunctionName":"fly","commandSchedules":[{"scheduleTimes":[{"dailyTime":{"minutesOfDay":60}}]}]}}""")]
    [InlineData("""{"delayedCommandsSchedulingTrigger":{"label":"l","deviceURL":"DEVICE","commandCalls":[],"commandMinutes":600,"commandDay":1,"commandMonth":1,"commandYear":2030}}""")]
    [InlineData("""{"delayedCommandsSchedulingTrigger":{"label":"l","deviceURL":"DEVICE","commandCalls":[{"commandFunctionName":"on"}],"commandMinutes":600,"commandDay":31,"commandMonth":2,"commandYear":2030}}""")]
    [InlineData("""{"delayedCommandsSchedulingTrigger":{"label":"l","deviceURL":"DEVICE","commandCalls":[{"commandFunctionName":"on"}],"commandMinutes":"noon","commandDay":1,"commandMonth":1,"commandYear":2030}}""")]
    [InlineData("""{"ifThenSetupTrigger":{"label":"i","rootConditionBlock":{"dualDeviceStateCondition":{"deviceURL1":"DEVICE","stateName1":"a","deviceURL2":"DEVICE","stateName2":"b","operator":"BETWEEN_INCLUSIVE"}},"effects":[{"actionGroupEffect":{"actionGroupOID":"","localActionGroup":{"label":"m","actions":[{"deviceURL":"DEVICE","commands":[{"name":"off"}]}]}}}]}}""")]
    [InlineData("""{"ifThenSetupTrigger":{"label":"i","rootConditionBlock":{"allDevicesStateCondition":{"deviceURLs":[],"stateName":"a","operator":"EQUALS","value1":"x"}},"effects":[{"actionGroupEffect":{"actionGroupOID":"","localActionGroup":{"label":"m","actions":[{"deviceURL":"DEVICE","commands":[{"name":"off"}]}]}}}]}}""")]
    [InlineData("""{"ifThenSetupTrigger":{"label":"i","schedulingIntervals":[{"absoluteSchedule":{"startMinutes":0,"startDay":2,"startMonth":1,"startYear":2030,"stopMinutes":0,"stopDay":1,"stopMonth":1,"stopYear":2030}}],"rootConditionBlock":{"staticDeviceStateCondition":{"deviceURL":"DEVICE","stateName":"core:OnOffState","operator":"EQUALS","value1":"on"}},"effects":[{"actionGroupEffect":{"actionGroupOID":"","localActionGroup":{"label":"m","actions":[{"deviceURL":"DEVICE","commands":[{"name":"off"}]}]}}}]}}""")]
    [InlineData("""{"ifThenSetupTrigger":{"label":"i","schedulingIntervals":[{"annualSchedule":{"startMinutes":0,"stopMinutes":60,"startType":"DUSK","startOffset":9000,"startDay":1,"startMonth":13,"stopDay":1,"stopMonth":2}}],"rootConditionBlock":{"staticDeviceStateCondition":{"deviceURL":"DEVICE","stateName":"core:OnOffState","operator":"EQUALS","value1":"on"}},"effects":[{"actionGroupEffect":{"actionGroupOID":"","localActionGroup":{"label":"m","actions":[{"deviceURL":"DEVICE","commands":[{"name":"off"}]}]}}}]}}""")]
    [InlineData("""{"ifThenSetupTrigger":{"label":"i","rootConditionBlock":{"staticDeviceStateCondition":{"deviceURL":"DEVICE","stateName":"core:OnOffState","operator":"EQUALS","value1":"on"}},"effects":[{"actionGroupEffect":{"localActionGroup":{"label":"m","actions":[]}}}]}}""")]
    [InlineData("""{"discreteTrigger":null}""")]
    [InlineData("""{"ifThenSetupTrigger":{},"discreteTrigger":{}}""")]
    public async Task A_malformed_trigger_is_refused_with_the_box_error_body_and_nothing_is_stored(string body)
    {
        using var client = gateway.Client();

        var (status, error) = await client.PostJsonAsync("triggers", body.Replace("DEVICE", gateway.Url("1100005"), StringComparison.Ordinal));

        Assert.Equal(400, status);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("errorCode").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetString()));
        var (listed, triggers) = await client.GetJsonAsync("triggers");
        Assert.Equal(200, listed);
        Assert.Equal(0, triggers.GetArrayLength());
    }
}
