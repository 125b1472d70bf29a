using Gateway.Api.Endpoints;
using Gateway.Core.History;

namespace Gateway.Daemon.Tests.History;

public sealed class StateHistoryRouteTests
{
    private const string Device = "io://1234-5678-9012/4468654#1";

    [Theory]
    [InlineData("/states/core:TemperatureState/history/1/2", "core:TemperatureState", StateHistoryResolution.Raw, false)]
    [InlineData("/states/core:TemperatureState/history/daily/1/2", "core:TemperatureState", StateHistoryResolution.Daily, false)]
    [InlineData("/states/core:TemperatureState/history/monthly/1/2", "core:TemperatureState", StateHistoryResolution.Monthly, false)]
    [InlineData("/states/core:TemperatureState/history/montly/1/2", "core:TemperatureState", StateHistoryResolution.Monthly, false)]
    [InlineData("/states/core:TemperatureState/history/annual/1/2", "core:TemperatureState", StateHistoryResolution.Annual, false)]
    [InlineData("/states/core:TemperatureState/history/stacked/1/2", "core:TemperatureState", StateHistoryResolution.Raw, true)]
    [InlineData("/states/core:TemperatureState/history/stacked/daily/1/2", "core:TemperatureState", StateHistoryResolution.Daily, true)]
    [InlineData("/states/history/1/2", null, StateHistoryResolution.Raw, false)]
    [InlineData("/states/history/annual/1/2", null, StateHistoryResolution.Annual, false)]
    [InlineData("/states/history/stacked/monthly/1/2", null, StateHistoryResolution.Monthly, true)]
    [InlineData("/states/history/history/1/2", "history", StateHistoryResolution.Raw, false)]
    public void A_history_path_is_read_from_its_end_whatever_slashes_the_device_url_holds(string tail, string? name, StateHistoryResolution resolution, bool stacked)
    {
        Assert.True(StateHistoryRoute.TryParse(Device + tail, out var route));
        Assert.Equal(new StateHistoryRoute(Device, name, resolution, stacked, "1", "2"), route);
    }

    [Theory]
    [InlineData(Device)]
    [InlineData(Device + "/states")]
    [InlineData(Device + "/states/core:TemperatureState")]
    [InlineData(Device + "/states/core:TemperatureState/history")]
    [InlineData(Device + "/states/core:TemperatureState/history/1")]
    [InlineData(Device + "/attributes/history/1/2")]
    [InlineData("states/history/1/2")]
    public void Other_device_paths_are_not_history(string rest) => Assert.False(StateHistoryRoute.TryParse(rest, out _));
}
