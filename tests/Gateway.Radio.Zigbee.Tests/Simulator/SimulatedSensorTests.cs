using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Simulator.Devices;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Tests.Simulator;

public class SimulatedSensorTests
{
    [Fact]
    public void An_occupancy_motion_sensor_reports_motion_and_battery()
    {
        var sensor = new SimulatedMotionSensor(0x0017880102030405, 0x2001);
        var gateway = new DeviceHarness(sensor);
        Assert.Equal(ZigbeeControllableNames.OccupancySensor, gateway.Definition.ControllableName);
        gateway.ConfigureReporting();

        sensor.SetMotion(true);
        sensor.SetBattery(64);
        var states = gateway.DrainEmittedStates();
        Assert.Equal("personInside", states["core:OccupancyState"].GetString());
        Assert.Equal(64, states["core:BatteryLevelState"].GetInt32());

        sensor.SetMotion(false);
        Assert.Equal("noPersonInside", gateway.DrainEmittedStates()["core:OccupancyState"].GetString());
    }

    [Fact]
    public void Without_reporting_configured_a_sensor_stays_quiet()
    {
        var sensor = new SimulatedMotionSensor(0x0017880102030405, 0x2001);
        var gateway = new DeviceHarness(sensor);
        sensor.SetMotion(true);
        Assert.Empty(gateway.Emitted);
    }

    [Fact]
    public void An_ias_motion_sensor_notifies_only_once_enrolled()
    {
        var sensor = new SimulatedMotionSensor(0x00158D0001020304, 0x2002, ias: true);
        var gateway = new DeviceHarness(sensor);
        Assert.Equal(ZigbeeControllableNames.OccupancySensor, gateway.Definition.ControllableName);
        Assert.Contains(ZclClusterId.IasZone, gateway.Definition.BindClusters);

        sensor.SetMotion(true);
        Assert.Empty(gateway.Emitted);

        // Enrolment: the CIE address is written, the zone asks to enrol, the gateway answers.
        var answers = gateway.Send(IasZoneCluster.Id, IasZoneCluster.WriteCieAddress(gateway.NextSequence(), 0x00124B0018ED3A6B));
        Assert.Equal(2, answers.Count);
        Assert.True(WriteAttributesResponse.TryParse(answers[0].Frame, out var written) && written.AllSucceeded);
        Assert.True(ZoneEnrollRequest.TryParse(answers[1].Frame, out var enroll));
        Assert.Equal(IasZoneType.MotionSensor, enroll.ZoneType);
        Assert.False(sensor.Enrolled);

        var response = Assert.Single(gateway.Send(IasZoneCluster.Id, IasZoneCluster.ZoneEnrollResponse(gateway.NextSequence(), 7)));
        Assert.True(DefaultResponse.TryParse(response.Frame, out var ok) && ok.Status == ZclStatus.Success);
        Assert.True(sensor.Enrolled);

        sensor.SetMotion(false);
        sensor.SetMotion(true);
        var notifications = gateway.Emitted.ToArray();
        Assert.Equal(2, notifications.Length);
        Assert.True(ZoneStatusChangeNotification.TryParse(notifications[1].Frame, out var notification));
        Assert.Equal(7, notification.ZoneId);
        Assert.Equal("personInside", gateway.DrainEmittedStates(IasZoneType.MotionSensor)["core:OccupancyState"].GetString());
    }

    [Fact]
    public void An_ias_zone_status_read_with_its_type_gives_the_state()
    {
        var sensor = new SimulatedMotionSensor(0x00158D0001020304, 0x2002, ias: true);
        var gateway = new DeviceHarness(sensor);
        sensor.SetMotion(true);
        var answer = gateway.Send(IasZoneCluster.Id, ZclGlobal.ReadAttributes(1, IasZoneCluster.ZoneType, IasZoneCluster.ZoneStatus));
        Assert.Equal("personInside", DeviceHarness.States(answer)["core:OccupancyState"].GetString());
    }

    [Fact]
    public void A_thermometer_reports_temperature_humidity_and_battery()
    {
        var thermometer = new SimulatedThermometer(0x00158D0009080706, 0x3003);
        var gateway = new DeviceHarness(thermometer);
        Assert.Equal(ZigbeeControllableNames.TemperatureHumiditySensor, gateway.Definition.ControllableName);
        gateway.ConfigureReporting();

        thermometer.SetTemperature(21.37);
        thermometer.SetHumidity(48.5);
        thermometer.SetBattery(90);
        var states = gateway.DrainEmittedStates();
        Assert.Equal(21.37, states["core:TemperatureState"].GetDouble());
        Assert.Equal(48.5, states["core:RelativeHumidityState"].GetDouble());
        Assert.Equal(90, states["core:BatteryLevelState"].GetInt32());
    }

    [Fact]
    public void An_unchanged_reading_is_not_reported_again()
    {
        var thermometer = new SimulatedThermometer(0x00158D0009080706, 0x3003);
        var gateway = new DeviceHarness(thermometer);
        gateway.ConfigureReporting();
        thermometer.SetTemperature(20);
        Assert.Empty(gateway.Emitted);
        thermometer.SetTemperature(20.5);
        Assert.Single(gateway.Emitted);
    }
}
