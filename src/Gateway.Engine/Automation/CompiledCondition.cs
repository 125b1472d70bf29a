using Gateway.Core.Model;
using Gateway.Engine.Devices;

namespace Gateway.Engine.Automation;

/// <summary>A validated condition tree, ready to evaluate against the registry's current states.</summary>
internal sealed class CompiledCondition
{
    public enum Kind { And, Or, Not, Device, Controllable, Dual, AtLeastOne, AllDevices, Unknown }

    private CompiledCondition(Kind kind) => NodeKind = kind;

    public Kind NodeKind { get; }
    public IReadOnlyList<CompiledCondition> Children { get; private init; } = [];
    public string DeviceUrl { get; private init; } = "";
    public string StateName { get; private init; } = "";
    public IReadOnlyList<string> ControllableNames { get; private init; } = [];
    /// <summary>The devices of an at-least-one / all-devices node.</summary>
    public IReadOnlyList<string> DeviceUrls { get; private init; } = [];
    /// <summary>The right operand of a dual node.</summary>
    public string DeviceUrl2 { get; private init; } = "";
    public string StateName2 { get; private init; } = "";
    public ConditionOperator Operator { get; private init; }
    public ComparisonValue First { get; private init; } = new("", null, null);
    public ComparisonValue? Second { get; private init; }

    public static CompiledCondition And(IReadOnlyList<CompiledCondition> children) => new(Kind.And) { Children = children };
    public static CompiledCondition Or(IReadOnlyList<CompiledCondition> children) => new(Kind.Or) { Children = children };
    public static CompiledCondition Not(CompiledCondition child) => new(Kind.Not) { Children = [child] };
    public static CompiledCondition Missing() => new(Kind.Unknown);

    public static CompiledCondition OnDevice(string deviceUrl, string stateName, ConditionOperator op, ComparisonValue first, ComparisonValue? second) =>
        new(Kind.Device) { DeviceUrl = deviceUrl, StateName = stateName, Operator = op, First = first, Second = second };

    public static CompiledCondition OnControllables(IReadOnlyList<string> names, string stateName, ConditionOperator op, ComparisonValue first, ComparisonValue? second) =>
        new(Kind.Controllable) { ControllableNames = names, StateName = stateName, Operator = op, First = first, Second = second };

    /// <summary>State 1 of device 1 compared with state 2 of device 2.</summary>
    public static CompiledCondition OnTwoDevices(string deviceUrl1, string stateName1, ConditionOperator op, string deviceUrl2, string stateName2) =>
        new(Kind.Dual) { DeviceUrl = deviceUrl1, StateName = stateName1, Operator = op, DeviceUrl2 = deviceUrl2, StateName2 = stateName2 };

    public static CompiledCondition OnAnyDevice(IReadOnlyList<string> deviceUrls, string stateName, ConditionOperator op, ComparisonValue first, ComparisonValue? second) =>
        new(Kind.AtLeastOne) { DeviceUrls = deviceUrls, StateName = stateName, Operator = op, First = first, Second = second };

    public static CompiledCondition OnEveryDevice(IReadOnlyList<string> deviceUrls, string stateName, ConditionOperator op, ComparisonValue first, ComparisonValue? second) =>
        new(Kind.AllDevices) { DeviceUrls = deviceUrls, StateName = stateName, Operator = op, First = first, Second = second };

    /// <summary>Evaluates; with a <paramref name="report"/> every branch is visited, without one and/or stop early.</summary>
    public Truth Evaluate(DeviceRegistry registry, EvaluationReport? report = null)
    {
        switch (NodeKind)
        {
            case Kind.And:
            {
                var result = Truth.True;
                foreach (var child in Children)
                {
                    var truth = child.Evaluate(registry, report);
                    if (truth == Truth.False) { result = Truth.False; if (report is null) break; }
                    else if (truth == Truth.Unknown && result == Truth.True) result = Truth.Unknown;
                }
                return result;
            }
            case Kind.Or:
            {
                var result = Truth.False;
                foreach (var child in Children)
                {
                    var truth = child.Evaluate(registry, report);
                    if (truth == Truth.True) { result = Truth.True; if (report is null) break; }
                    else if (truth == Truth.Unknown && result == Truth.False) result = Truth.Unknown;
                }
                return result;
            }
            case Kind.Not:
                return Children[0].Evaluate(registry, report) switch
                {
                    Truth.True => Truth.False,
                    Truth.False => Truth.True,
                    _ => Truth.Unknown,
                };
            case Kind.Device:
                return OnDevice(registry.Find(DeviceUrl), DeviceUrl, report);
            case Kind.Controllable:
            {
                var result = Truth.True;
                var any = false;
                foreach (var name in ControllableNames)
                {
                    var urls = registry.UrlsWithControllable(name);
                    if (urls.Count == 0) report?.IgnoredControllables.Add(name);
                    foreach (var url in urls)
                    {
                        any = true;
                        var truth = OnDevice(registry.Find(url), url, report);
                        if (truth == Truth.False) result = Truth.False;
                        else if (truth == Truth.Unknown && result == Truth.True) result = Truth.Unknown;
                    }
                }
                return any ? result : Truth.Unknown;
            }
            case Kind.Dual:
                return OnTwoDevices(registry, report);
            case Kind.AtLeastOne:
            {
                var result = Truth.False;
                foreach (var url in DeviceUrls)
                {
                    var truth = OnDevice(registry.Find(url), url, report);
                    if (truth == Truth.True) { result = Truth.True; if (report is null) break; }
                    else if (truth == Truth.Unknown && result == Truth.False) result = Truth.Unknown;
                }
                return result;
            }
            case Kind.AllDevices:
            {
                var result = Truth.True;
                foreach (var url in DeviceUrls)
                {
                    var truth = OnDevice(registry.Find(url), url, report);
                    if (truth == Truth.False) { result = Truth.False; if (report is null) break; }
                    else if (truth == Truth.Unknown && result == Truth.True) result = Truth.Unknown;
                }
                return result;
            }
            default:
                return Truth.Unknown;
        }
    }

    private Truth OnTwoDevices(DeviceRegistry registry, EvaluationReport? report)
    {
        var left = Known(registry.Find(DeviceUrl), StateName);
        var right = Known(registry.Find(DeviceUrl2), StateName2);
        if (left is null) report?.FailedDevices.Add(DeviceUrl);
        if (right is null) report?.FailedDevices.Add(DeviceUrl2);
        if (left is null || right is null) return Truth.Unknown;
        if (StateComparison.Holds(left, Operator, right)) return Truth.True;
        report?.InvalidatingDevices.Add(DeviceUrl);
        report?.InvalidatingDevices.Add(DeviceUrl2);
        return Truth.False;
    }

    private static DeviceState? Known(Device? device, string stateName) =>
        device is { Available: true } ? device.FindState(stateName) : null;

    private Truth OnDevice(Device? device, string url, EvaluationReport? report)
    {
        if (device is null || !device.Available || device.FindState(StateName) is not { } state)
        {
            report?.FailedDevices.Add(url);
            return Truth.Unknown;
        }
        if (StateComparison.Holds(state, Operator, First, Second)) return Truth.True;
        report?.InvalidatingDevices.Add(url);
        return Truth.False;
    }
}
