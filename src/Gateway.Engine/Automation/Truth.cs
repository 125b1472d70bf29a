namespace Gateway.Engine.Automation;

/// <summary>Three-valued result of a condition: a missing state or an unavailable device is Unknown, not false.</summary>
internal enum Truth
{
    False,
    True,
    Unknown,
}
