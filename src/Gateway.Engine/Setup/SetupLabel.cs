using Gateway.Core.Errors;
using Gateway.Core.Limits;

namespace Gateway.Engine.Setup;

/// <summary>The rule for labels a user gives places and devices: not blank, at most <see cref="ApiLimits.MaxLabelLength"/> characters.</summary>
public static class SetupLabel
{
    public static string Check(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) throw new OverkizException(OverkizError.BadParameters("the label is empty"));
        if (label.Length > ApiLimits.MaxLabelLength) throw new OverkizException(OverkizError.LimitExceeded("label", ApiLimits.MaxLabelLength, "characters"));
        return label;
    }
}
