using System.Text.Json.Serialization;

namespace Gateway.Core.Calendars;

/// <summary>GET/PUT /setup/calendar/status: whether the calendar runs its triggers at all (on by default).</summary>
public sealed record CalendarStatus([property: JsonPropertyName("enabled")] bool Enabled);
