namespace Gateway.Engine.Sun;

/// <summary>What the sun does during one local calendar date.</summary>
public enum SunDayKind
{
    /// <summary>The sun rises and/or sets during the date (at least one event falls on it).</summary>
    Normal,

    /// <summary>The sun stays above the horizon for the whole local date (midnight sun): no sunrise, no sunset.</summary>
    PolarDay,

    /// <summary>The sun stays below the horizon for the whole local date (polar night): no sunrise, no sunset.</summary>
    PolarNight,
}
