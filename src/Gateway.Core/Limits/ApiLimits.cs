namespace Gateway.Core.Limits;

/// <summary>
/// Everything a client can make the gateway store or return is bounded by these numbers (documented in the README's
/// "API limits" table). Each refusal is a 400 with the bad-parameters body naming the limit. Generous for real use:
/// a TaHoma label is a few words, a scene a few dozen actions.
/// </summary>
public static class ApiLimits
{
    /// <summary>Labels (action groups, executions, condition groups, triggers, calendar days): any member named "label".</summary>
    public const int MaxLabelLength = 128;

    /// <summary>Names (commands, states): any member named "name".</summary>
    public const int MaxNameLength = 128;

    /// <summary>Any other string anywhere in a request body (metadata, notification texts, condition values…).</summary>
    public const int MaxStringLength = 4096;

    /// <summary>Items of any one JSON array, and members of any one JSON object, in a request body.</summary>
    public const int MaxArrayLength = 1000;

    /// <summary>Nesting depth of a request body.</summary>
    public const int MaxJsonDepth = 32;

    /// <summary>One string parameter of a command.</summary>
    public const int MaxParameterStringLength = 1024;

    /// <summary>Parameters of one command.</summary>
    public const int MaxParametersPerCommand = 16;

    /// <summary>The parameters of one command together, as JSON text.</summary>
    public const int MaxParametersJsonLength = 4096;

    /// <summary>Actions of one execution (exec/apply) and of one action group.</summary>
    public const int MaxActions = 500;

    /// <summary>Commands of one action.</summary>
    public const int MaxCommandsPerAction = 50;

    /// <summary>Request bodies of exec/apply, and of every route not named below.</summary>
    public const long DefaultBodyBytes = 64 * 1024;

    /// <summary>Request bodies of POST/PUT /actionGroups (a scene for every device of a large home).</summary>
    public const long ActionGroupBodyBytes = 128 * 1024;

    /// <summary>Request bodies of triggers, condition groups and the calendar (rule sets carry many rules).</summary>
    public const long LargeBodyBytes = 256 * 1024;

    /// <summary>The cap of the HTTP server itself, above every per-route limit.</summary>
    public const long ServerBodyBytes = LargeBodyBytes;

    public const int MaxActionGroups = 1000;
    public const int MaxScheduledExecutions = 1000;
    public const int MaxConditionGroups = 500;
    public const int MaxTriggers = 1000;
    public const int MaxCalendarDays = 100;
    public const int MaxCalendarRules = 200;
    public const int MaxCalendarTriggersPerDay = 50;

    /// <summary>Event listeners of one bearer token, and of the whole gateway.</summary>
    public const int MaxListenersPerToken = 8;
    public const int MaxListeners = 64;

    /// <summary>Executions listed by GET /history/executions.</summary>
    public const int HistoryPageSize = 200;

    /// <summary>
    /// The largest stored document (an action group, a schedule, one trigger, condition group or calendar item, an
    /// execution's actions) loaded at start-up; bigger ones are skipped and logged, never allowed to stop the start.
    /// </summary>
    public const int MaxStoredDocumentLength = 1024 * 1024;

    /// <summary>The latest instant a schedule may name: the end of year 9999 UTC, in ms since 1970.</summary>
    public const long MaxUtcTimeMilliseconds = 253402300799999;
}
