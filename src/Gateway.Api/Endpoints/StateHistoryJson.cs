using System.Text.Json;
using Gateway.Core.History;
using Gateway.Core.Model;

namespace Gateway.Api.Endpoints;

/// <summary>The history answers in the fields and order of the Overkiz API (plus <c>name</c> in the all-states arrays).</summary>
public static class StateHistoryJson
{
    public static void WritePlain(Utf8JsonWriter json, string? name, StateHistorySeries? series, StateHistoryKind kind, string? unit)
    {
        json.WriteStartObject();
        if (name is not null) json.WriteString("name", name);
        json.WriteStartArray("historyValues");
        foreach (var point in series?.Points ?? [])
        {
            json.WriteStartObject();
            json.WriteString("value", point.Value);
            if (point.Min is { } min) json.WriteNumber("min", min);
            if (point.Max is { } max) json.WriteNumber("max", max);
            json.WriteNumber("samples", point.Samples);
            json.WriteNumber("when", point.When);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteTail(json, kind, unit);
    }

    /// <summary>One stack level per device (the asked one first); a level without a value for a period holds null there.</summary>
    public static void WriteStacked(Utf8JsonWriter json, string? name, IReadOnlyList<Device> stack, IReadOnlyList<StateHistorySeries?> levels, StateHistoryKind kind, string? unit)
    {
        var byWhen = new SortedDictionary<long, StateHistoryPoint?[]>();
        for (var level = 0; level < levels.Count; level++)
            foreach (var point in levels[level]?.Points ?? [])
            {
                if (!byWhen.TryGetValue(point.When, out var row)) byWhen[point.When] = row = new StateHistoryPoint?[levels.Count];
                row[level] = point;
            }
        json.WriteStartObject();
        if (name is not null) json.WriteString("name", name);
        json.WriteStartArray("stackedHistoryValues");
        foreach (var (when, row) in byWhen)
        {
            json.WriteStartObject();
            WriteColumn(json, "values", row, p => kind == StateHistoryKind.Numeric && double.TryParse(p.Value, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null, p => p.Value);
            WriteColumn(json, "minValues", row, p => p.Min, _ => null);
            WriteColumn(json, "maxValues", row, p => p.Max, _ => null);
            json.WriteStartArray("samples");
            foreach (var point in row) json.WriteNumberValue(point?.Samples ?? 0);
            json.WriteEndArray();
            json.WriteNumber("when", when);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("stackLevels");
        foreach (var device in stack) json.WriteStringValue(device.DeviceUrl);
        json.WriteEndArray();
        json.WriteStartArray("deviceCounts");
        foreach (var _ in stack) json.WriteNumberValue(1);
        json.WriteEndArray();
        WriteTail(json, kind, unit);
    }

    private static void WriteColumn(Utf8JsonWriter json, string property, StateHistoryPoint?[] row, Func<StateHistoryPoint, double?> number, Func<StateHistoryPoint, string?> text)
    {
        json.WriteStartArray(property);
        foreach (var point in row)
        {
            if (point is null) json.WriteNullValue();
            else if (number(point) is { } n) json.WriteNumberValue(n);
            else if (text(point) is { } t) json.WriteStringValue(t);
            else json.WriteNullValue();
        }
        json.WriteEndArray();
    }

    private static void WriteTail(Utf8JsonWriter json, StateHistoryKind kind, string? unit)
    {
        json.WriteNumber("historizationMethod", (int)kind);
        if (unit is not null) json.WriteString("deviceUnit", unit);
        json.WriteEndObject();
    }
}
