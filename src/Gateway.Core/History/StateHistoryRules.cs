using System.Globalization;
using System.Text.Json;
using Gateway.Core.Model;

namespace Gateway.Core.History;

/// <summary>
/// Which state values are historised: numbers (int, float) and enumerated values (booleans, short strings). Free
/// texts such as names, addresses and versions, and JSON arrays or objects, are not.
/// </summary>
public static class StateHistoryRules
{
    public const int MaxDiscreteValueLength = 64;

    private static readonly string[] FreeTextSuffixes = ["NameState", "AddressState", "VersionState", "CountryCodeState", "LabelState", "IdentifierState"];

    public static StateHistoryKind? KindOf(StateType type, string stateName)
    {
        switch (type)
        {
            case StateType.Int or StateType.Float: return StateHistoryKind.Numeric;
            case StateType.Boolean: return StateHistoryKind.Discrete;
            case StateType.String:
                foreach (var suffix in FreeTextSuffixes)
                    if (stateName.EndsWith(suffix, StringComparison.Ordinal)) return null;
                return StateHistoryKind.Discrete;
            default: return null;
        }
    }

    /// <summary>The sample to record for a reported state, or null when the state (or this value of it) is not historised.</summary>
    public static StateHistorySample? SampleOf(string deviceUrl, DeviceState state, long when)
    {
        if (KindOf(state.Type, state.Name) is not { } kind) return null;
        var value = state.Value;
        if (kind == StateHistoryKind.Numeric)
            return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
                ? new StateHistorySample(deviceUrl, state.Name, kind, when, number, null)
                : null;
        var text = value.ValueKind switch
        {
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return text is { Length: > 0 and <= MaxDiscreteValueLength } ? new StateHistorySample(deviceUrl, state.Name, kind, when, null, text) : null;
    }

    /// <summary>A number as a history value text: invariant, shortest round-trip form ("21.5", "40").</summary>
    public static string Format(double number) => number.ToString("R", CultureInfo.InvariantCulture);
}
