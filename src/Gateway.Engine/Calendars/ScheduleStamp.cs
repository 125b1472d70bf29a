using Gateway.Core.Location;

namespace Gateway.Engine.Calendars;

/// <summary>What a computed schedule depends on: the calendar's own version and the home's location (by value).</summary>
public readonly record struct ScheduleStamp(int Version, SetupLocation Location);
