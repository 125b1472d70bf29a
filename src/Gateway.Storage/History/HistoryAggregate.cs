using Gateway.Core.History;

namespace Gateway.Storage.History;

/// <summary>The aggregate of one period being built from raw samples or finer aggregates.</summary>
internal sealed class HistoryAggregate(long bucket)
{
    public long Bucket { get; } = bucket;
    public double? Min { get; private set; }
    public double? Max { get; private set; }
    public long Samples { get; private set; }
    public string? Last { get; private set; }
    private double _sum;
    private long _numbers;
    private long _lastWhen = long.MinValue;

    public double? Mean => _numbers == 0 ? null : _sum / _numbers;

    public void AddSample(long when, double? number, string? text) =>
        AddAggregate(when, number, number, number, 1, text ?? (number is { } n ? StateHistoryRules.Format(n) : null));

    /// <summary>Merges a finer aggregate (or one sample); its mean counts with the weight of its samples.</summary>
    public void AddAggregate(long when, double? min, double? max, double? mean, long samples, string? last)
    {
        Samples += samples;
        if (min is { } low) Min = Min is { } m ? Math.Min(m, low) : low;
        if (max is { } high) Max = Max is { } m2 ? Math.Max(m2, high) : high;
        if (mean is { } average)
        {
            _sum += average * samples;
            _numbers += samples;
        }
        if (last is not null && when >= _lastWhen)
        {
            Last = last;
            _lastWhen = when;
        }
    }

    public StateHistoryPoint ToPoint(StateHistoryKind kind) => kind == StateHistoryKind.Numeric && Mean is { } mean
        ? new StateHistoryPoint(StateHistoryRules.Format(Math.Round(mean, 3)), Min, Max, Samples, Bucket)
        : new StateHistoryPoint(Last ?? "", null, null, Samples, Bucket);
}
