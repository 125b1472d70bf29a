namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>A report a node sent, decoded from its command class payload (see <see cref="CommandClassDecoder"/>).</summary>
public abstract record CommandClassReport(byte CommandClass);

/// <summary>Binary Switch report; null when the device says "unknown".</summary>
public sealed record SwitchBinaryReport(bool? On) : CommandClassReport(CommandClassId.SwitchBinary);

/// <summary>Multilevel Switch or Basic report: level 0…99 (0xFF: on at the last level); null when unknown.</summary>
public sealed record LevelReport(byte CommandClassId, byte? Level) : CommandClassReport(CommandClassId);

public sealed record SensorBinaryReport(bool Detected, byte? SensorType) : CommandClassReport(CommandClassId.SensorBinary);

public sealed record SensorReading(byte SensorType, byte Scale, double Value) : CommandClassReport(CommandClassId.SensorMultilevel);

public sealed record MeterReading(byte MeterType, byte Scale, double Value) : CommandClassReport(CommandClassId.Meter);

public sealed record NotificationReport(byte NotificationType, byte Event, byte[] Parameters) : CommandClassReport(CommandClassId.Notification);

public sealed record NotificationSupportedReport(IReadOnlyList<byte> NotificationTypes) : CommandClassReport(CommandClassId.Notification);

/// <summary>Battery level 0…100; a low-battery warning reads as 0 with <see cref="Low"/>.</summary>
public sealed record BatteryReport(int Level, bool Low) : CommandClassReport(CommandClassId.Battery);

public sealed record ManufacturerReport(ushort ManufacturerId, ushort ProductType, ushort ProductId) : CommandClassReport(CommandClassId.ManufacturerSpecific);

public sealed record VersionReport(byte LibraryType, string Protocol, string Application) : CommandClassReport(CommandClassId.Version);

public sealed record ThermostatModeReport(byte Mode) : CommandClassReport(CommandClassId.ThermostatMode);

public sealed record ThermostatSetpointReport(byte SetpointType, byte Scale, double Value) : CommandClassReport(CommandClassId.ThermostatSetpoint);

public sealed record ConfigurationReport(byte Parameter, int Size, long Value) : CommandClassReport(CommandClassId.Configuration);

/// <summary>A scene key event; <see cref="Sequence"/> tells a retransmission from a new press.</summary>
public sealed record CentralSceneNotification(byte Sequence, byte KeyAttribute, byte Scene, bool SlowRefresh) : CommandClassReport(CommandClassId.CentralScene);

public sealed record CentralSceneSupportedReport(byte Scenes) : CommandClassReport(CommandClassId.CentralScene);

/// <summary>The outcome of a supervised command (<see cref="SupervisionCommandClass"/> statuses).</summary>
public sealed record SupervisionReport(byte SessionId, bool MoreStatusUpdates, byte Status, byte Duration) : CommandClassReport(CommandClassId.Supervision);

public sealed record AssociationReport(byte Group, byte MaxNodes, IReadOnlyList<byte> NodeIds) : CommandClassReport(CommandClassId.Association);

/// <summary>How many association groups a node has.</summary>
public sealed record AssociationGroupingsReport(byte Groups) : CommandClassReport(CommandClassId.Association);

public sealed record WakeUpIntervalReport(int Seconds, byte NodeId) : CommandClassReport(CommandClassId.WakeUp);

public sealed record MeterSupportedReport(bool Resettable, byte MeterType, byte ScaleMask) : CommandClassReport(CommandClassId.Meter);

public sealed record MultiChannelEndPointReport(byte Endpoints, bool Identical) : CommandClassReport(CommandClassId.MultiChannel);

public sealed record MultiChannelCapabilityReport(byte Endpoint, byte Generic, byte Specific, IReadOnlyList<byte> CommandClasses) : CommandClassReport(CommandClassId.MultiChannel);
