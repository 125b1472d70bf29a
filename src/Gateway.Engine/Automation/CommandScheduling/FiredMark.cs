using System.Text.Json.Serialization;

namespace Gateway.Engine.Automation.CommandScheduling;

/// <summary>
/// The last firing of one schedule time (key <c>{oid}:{schedule}:{time}</c>) or of one delayed trigger (key
/// <c>{oid}</c>) that was handled: its local date, when it was handled (UTC ms) and what became of it. A firing whose
/// date is not after the mark's is never looked at again, whatever the clock does.
/// </summary>
internal sealed record FiredMark
{
    [JsonPropertyName("date")] public string Date { get; set; } = "";
    [JsonPropertyName("at")] public long At { get; set; }
    [JsonPropertyName("result")] public string Result { get; set; } = "";

    [JsonIgnore]
    public DateOnly LocalDate => DateOnly.TryParseExact(Date, "yyyy-MM-dd", out var date) ? date : DateOnly.MinValue;

    public static FiredMark Of(DateOnly date, long at, string result) => new() { Date = date.ToString("yyyy-MM-dd"), At = at, Result = result };
}

/// <summary>What became of a firing.</summary>
internal static class FiredResults
{
    /// <summary>The commands were handed to the execution engine.</summary>
    public const string Executed = "EXECUTED";

    /// <summary>The execution engine refused the commands (device gone, queue full…).</summary>
    public const string Failed = "FAILED";

    /// <summary>A state restriction did not hold.</summary>
    public const string Restricted = "RESTRICTED";

    /// <summary>The trigger was off (mode 2), or every trigger was (PUT /triggers/status).</summary>
    public const string Off = "OFF";

    /// <summary>Found more than the grace window late (the gateway was off, or the clock jumped forward).</summary>
    public const string Missed = "MISSED";

    /// <summary>Already more than the grace window past when the trigger (or that time) was created or changed.</summary>
    public const string BeforeCreation = "BEFORE_CREATION";
}
