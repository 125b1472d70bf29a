using Gateway.Core.Automation;
using Gateway.Core.Errors;
using Gateway.Engine.Devices;

namespace Gateway.Engine.Automation;

/// <summary>
/// Turns the API's condition blocks into a <see cref="CompiledCondition"/>. Strict compilation (a client's request)
/// refuses anything this gateway would not evaluate exactly; lenient compilation (what was stored) degrades a
/// missing device or condition group to Unknown instead.
/// </summary>
internal sealed class ConditionCompiler(DeviceRegistry registry, Func<string, ConditionGroup?> findGroup)
{
    private readonly DeviceRegistry _registry = registry;
    private readonly Func<string, ConditionGroup?> _findGroup = findGroup;
    private const int MaxDepth = 16;
    private const int MaxNodes = 200;
    private const int MaxDevices = 50;
    /// <summary>The longest activation or deactivation delay accepted, in seconds (a week).</summary>
    private const int MaxDelaySeconds = 7 * 24 * 3600;
    private static readonly HashSet<string> ConditionTypes = new(StringComparer.Ordinal) { "EVENT_BASED", "RETRIGGERABLE_ON_STATE_TRANSITION" };

    /// <summary>Seconds the root block must hold before a trigger fires (delays below the root are refused).</summary>
    public static int RootActivationDelay(ConditionBlock root) =>
        root.StaticDeviceStateCondition?.ActivationDelay
        ?? root.DualDeviceStateCondition?.ActivationDelay
        ?? root.AtLeastOneDeviceStateCondition?.ActivationDelay
        ?? root.AllDevicesStateCondition?.ActivationDelay
        ?? root.AndBlock?.ActivationDelay
        ?? root.OrBlock?.ActivationDelay
        ?? root.NotBlock?.ActivationDelay
        ?? 0;

    /// <summary>Seconds the root block must stay false before a fired trigger may fire again (only the root has one).</summary>
    public static int RootDeactivationDelay(ConditionBlock root) =>
        root.StaticDeviceStateCondition?.DeactivationDelay
        ?? root.DualDeviceStateCondition?.DeactivationDelay
        ?? root.AtLeastOneDeviceStateCondition?.DeactivationDelay
        ?? root.AllDevicesStateCondition?.DeactivationDelay
        ?? root.AndBlock?.DeactivationDelay
        ?? root.OrBlock?.DeactivationDelay
        ?? root.NotBlock?.DeactivationDelay
        ?? 0;

    public CompiledCondition Compile(ConditionBlock block, bool strict, ConditionDependencies dependencies, bool insideGroup = false) =>
        new Walk(this, strict, dependencies, insideGroup).Block(block, depth: 0);

    /// <summary>The conditions of a condition group, all of which must hold.</summary>
    public CompiledCondition CompileGroup(IReadOnlyList<ConditionBlock> conditions, bool strict, ConditionDependencies dependencies)
    {
        conditions ??= [];
        if (strict && conditions.Count is 0 or > 50) throw Bad("a condition group needs 1 to 50 conditions");
        var walk = new Walk(this, strict, dependencies, insideGroup: true);
        return CompiledCondition.And(conditions.Select(c => walk.Block(c ?? new ConditionBlock(), depth: 1)).ToList());
    }

    private static OverkizException Bad(string message) => new(OverkizError.BadParameters(message));

    private sealed class Walk(ConditionCompiler owner, bool strict, ConditionDependencies dependencies, bool insideGroup)
    {
        private int _nodes;

        public CompiledCondition Block(ConditionBlock block, int depth)
        {
            if (depth > MaxDepth || ++_nodes > MaxNodes) throw Bad($"condition trees are limited to depth {MaxDepth} and {MaxNodes} blocks");
            var kinds = (block.AndBlock is null ? 0 : 1) + (block.OrBlock is null ? 0 : 1) + (block.NotBlock is null ? 0 : 1)
                + (block.StaticDeviceStateCondition is null ? 0 : 1) + (block.DualDeviceStateCondition is null ? 0 : 1)
                + (block.AtLeastOneDeviceStateCondition is null ? 0 : 1) + (block.AllDevicesStateCondition is null ? 0 : 1)
                + (block.Controllable is null ? 0 : 1) + (block.ConditionGroupReference is null ? 0 : 1);
            if (kinds != 1) throw Bad("a condition block has exactly one of " + string.Join(", ", ConditionBlock.SupportedKinds));
            if (block.AndBlock is { } and) return CompiledCondition.And(Composite(and, depth, "andBlock", exactlyOne: false));
            if (block.OrBlock is { } or) return CompiledCondition.Or(Composite(or, depth, "orBlock", exactlyOne: false));
            if (block.NotBlock is { } not) return CompiledCondition.Not(Composite(not, depth, "notBlock", exactlyOne: true)[0]);
            if (block.StaticDeviceStateCondition is { } device) return Device(device with { StateName = device.StateName ?? "", DeviceUrl = device.DeviceUrl ?? "", Operator = device.Operator ?? "" }, depth);
            if (block.DualDeviceStateCondition is { } dual) return Dual(dual, depth);
            if (block.AtLeastOneDeviceStateCondition is { } any) return Multi(any, depth, "atLeastOneDeviceStateCondition", every: false);
            if (block.AllDevicesStateCondition is { } all) return Multi(all, depth, "allDevicesStateCondition", every: true);
            if (block.Controllable is { } controllable) return Controllable(controllable with { StateName = controllable.StateName ?? "", Operator = controllable.Operator ?? "" });
            return Group(block.ConditionGroupReference!);
        }

        private List<CompiledCondition> Composite(CompositeConditionBlock composite, int depth, string name, bool exactlyOne)
        {
            CheckDelays(composite.ActivationDelay, composite.DeactivationDelay, depth);
            var subBlocks = composite.SubConditionBlocks ?? [];
            var count = subBlocks.Count;
            if (exactlyOne ? count != 1 : count == 0) throw Bad(exactlyOne ? $"{name} takes exactly one sub-block" : $"{name} needs at least one sub-block");
            return subBlocks.Select(b => Block(b ?? new ConditionBlock(), depth + 1)).ToList();
        }

        private CompiledCondition Device(DeviceStateCondition condition, int depth)
        {
            CheckDelays(condition.ActivationDelay, condition.DeactivationDelay, depth);
            if (strict)
            {
                if (!string.IsNullOrEmpty(condition.ObjectPath)) throw Bad("objectPath is not supported");
                if (condition.Type is { } type && !ConditionTypes.Contains(type)) throw Bad($"condition type {type} is not supported");
                if (string.IsNullOrWhiteSpace(condition.DeviceUrl)) throw Bad("a device state condition needs a deviceURL");
                if (owner._registry.Find(condition.DeviceUrl) is null) throw new OverkizException(OverkizError.NoSuchDevice(condition.DeviceUrl));
            }
            var (op, first, second) = Comparison(condition.StateName, condition.Operator, condition.Value1, condition.Value2);
            dependencies.DeviceStates.Add((condition.DeviceUrl, condition.StateName));
            dependencies.DeviceStates.Add((condition.DeviceUrl, ConditionDependencies.StatusState));
            return first is null ? CompiledCondition.Missing() : CompiledCondition.OnDevice(condition.DeviceUrl, condition.StateName, op, first, second);
        }

        private CompiledCondition Dual(DualDeviceStateCondition condition, int depth)
        {
            CheckDelays(condition.ActivationDelay, condition.DeactivationDelay, depth);
            var url1 = condition.DeviceUrl1 ?? "";
            var url2 = condition.DeviceUrl2 ?? "";
            var state1 = condition.StateName1 ?? "";
            var state2 = condition.StateName2 ?? "";
            var known = ConditionOperators.TryParse(condition.Operator, out var op);
            if (strict)
            {
                if (!string.IsNullOrEmpty(condition.ObjectPath1) || !string.IsNullOrEmpty(condition.ObjectPath2)) throw Bad("objectPath is not supported");
                if (string.IsNullOrWhiteSpace(url1) || string.IsNullOrWhiteSpace(url2)) throw Bad("a dual device state condition needs deviceURL1 and deviceURL2");
                if (string.IsNullOrWhiteSpace(state1) || string.IsNullOrWhiteSpace(state2)) throw Bad("a dual device state condition needs stateName1 and stateName2");
                if (!known) throw Bad($"unknown operator {condition.Operator}");
                if (ConditionOperators.IsBetween(op)) throw Bad($"operator {condition.Operator} is not supported by dualDeviceStateCondition");
                foreach (var url in new[] { url1, url2 })
                    if (owner._registry.Find(url) is null) throw new OverkizException(OverkizError.NoSuchDevice(url));
            }
            AddDevice(url1, state1);
            AddDevice(url2, state2);
            return !known || ConditionOperators.IsBetween(op) ? CompiledCondition.Missing() : CompiledCondition.OnTwoDevices(url1, state1, op, url2, state2);
        }

        private CompiledCondition Multi(MultiDeviceStateCondition condition, int depth, string name, bool every)
        {
            CheckDelays(condition.ActivationDelay, condition.DeactivationDelay, depth);
            var stateName = condition.StateName ?? "";
            var urls = condition.DeviceUrls ?? [];
            if (strict)
            {
                if (!string.IsNullOrEmpty(condition.ObjectPath)) throw Bad("objectPath is not supported");
                if (condition.Type is { } type && !ConditionTypes.Contains(type)) throw Bad($"condition type {type} is not supported");
                if (urls.Count is 0 or > MaxDevices || urls.Any(string.IsNullOrWhiteSpace)) throw Bad($"{name} needs 1 to {MaxDevices} deviceURLs");
                if (urls.Distinct(StringComparer.Ordinal).Count() != urls.Count) throw Bad($"{name} lists a deviceURL twice");
                foreach (var url in urls)
                    if (owner._registry.Find(url) is null) throw new OverkizException(OverkizError.NoSuchDevice(url));
            }
            var (op, first, second) = Comparison(stateName, condition.Operator ?? "", condition.Value1, condition.Value2);
            var devices = urls.Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var url in devices) AddDevice(url, stateName);
            if (first is null || devices.Length == 0) return CompiledCondition.Missing();
            return every
                ? CompiledCondition.OnEveryDevice(devices, stateName, op, first, second)
                : CompiledCondition.OnAnyDevice(devices, stateName, op, first, second);
        }

        private void AddDevice(string url, string stateName)
        {
            dependencies.DeviceStates.Add((url, stateName));
            dependencies.DeviceStates.Add((url, ConditionDependencies.StatusState));
        }

        private CompiledCondition Controllable(ControllableCondition condition)
        {
            var names = condition.ControllableNames ?? [];
            if (names.Count == 0 || names.Any(string.IsNullOrWhiteSpace))
                return strict ? throw Bad("a controllable condition needs controllableNames") : CompiledCondition.Missing();
            var (op, first, _) = Comparison(condition.StateName, condition.Operator, condition.Value, null);
            foreach (var name in names)
            {
                dependencies.ControllableStates.Add((name, condition.StateName));
                dependencies.ControllableStates.Add((name, ConditionDependencies.StatusState));
            }
            return first is null ? CompiledCondition.Missing() : CompiledCondition.OnControllables(names.ToArray(), condition.StateName, op, first, null);
        }

        private CompiledCondition Group(ConditionGroupReference reference)
        {
            if (insideGroup) return strict ? throw Bad("a condition group cannot refer to another condition group") : CompiledCondition.Missing();
            if (string.IsNullOrEmpty(reference.ConditionGroupOid))
                return strict ? throw Bad("conditionGroupOID must be the OID of a condition group") : CompiledCondition.Missing();
            dependencies.ConditionGroups.Add(reference.ConditionGroupOid);
            if (owner._findGroup(reference.ConditionGroupOid) is not { } group)
                return strict ? throw Bad($"unknown condition group {reference.ConditionGroupOid}") : CompiledCondition.Missing();
            var walk = new Walk(owner, strict: false, dependencies, insideGroup: true);
            return CompiledCondition.And((group.Conditions ?? []).Select(c => walk.Block(c ?? new ConditionBlock(), depth: 1)).ToList());
        }

        private (ConditionOperator, ComparisonValue?, ComparisonValue?) Comparison(string stateName, string operatorName, System.Text.Json.JsonElement? value1, System.Text.Json.JsonElement? value2)
        {
            var known = ConditionOperators.TryParse(operatorName, out var op);
            var first = ComparisonValue.From(value1);
            var second = ComparisonValue.From(value2);
            if (!strict) return (op, known ? first : null, second);
            if (string.IsNullOrWhiteSpace(stateName)) throw Bad("a condition needs a stateName");
            if (!known) throw Bad($"unknown operator {operatorName}");
            if (first is null) throw Bad($"the condition on {stateName} needs a value (string, number or boolean)");
            if (ConditionOperators.IsOrdering(op) && first.Number is null) throw Bad($"operator {operatorName} needs a numeric value");
            if (ConditionOperators.IsBetween(op) && second?.Number is null) throw Bad($"operator {operatorName} needs a numeric value2");
            return (op, first, second);
        }

        private void CheckDelays(int? activation, int? deactivation, int depth)
        {
            if (!strict) return;
            Check("an", "activationDelay", activation);
            Check("a", "deactivationDelay", deactivation);

            void Check(string article, string name, int? seconds)
            {
                if (seconds is < 0 or > MaxDelaySeconds) throw Bad($"{name} is 0 .. {MaxDelaySeconds} seconds");
                if (seconds is > 0 && (depth > 0 || insideGroup)) throw Bad($"{article} {name} is only supported on the root condition block of a trigger");
            }
        }
    }
}
