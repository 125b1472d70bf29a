namespace Gateway.Core.History;

/// <summary>The granularity a history query answers in; periods are UTC hours, days, months and years.</summary>
public enum StateHistoryResolution
{
    Raw,
    Daily,
    Monthly,
    Annual,
}
