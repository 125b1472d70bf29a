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
