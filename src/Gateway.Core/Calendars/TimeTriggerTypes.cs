namespace Gateway.Core.Calendars;

/// <summary>The kinds of a day-time trigger: a wall-clock time, or the home's dawn (sunrise) or dusk (sunset).</summary>
public static class TimeTriggerTypes
{
    public const string Time = "TIME";
    public const string Dawn = "DAWN";
    public const string Dusk = "DUSK";

    public static bool IsKnown(string? type) => type is Time or Dawn or Dusk;
}
