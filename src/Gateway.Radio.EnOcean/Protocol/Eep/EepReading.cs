using Gateway.Core.Model;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>
/// The states one telegram reports for one channel of a device. <see cref="Channel"/> is null for single-channel
/// profiles; it is the I/O channel (0..29) for D2-01 actuators and the measurement channel (0..15) for A5-12-00 counters,
/// so that a driver can map it to the deviceURL's subsystem (<c>enocean://gw/ID#channel</c>).
/// </summary>
public sealed record EepReading(int? Channel, IReadOnlyList<DeviceState> States);
