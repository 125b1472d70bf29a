namespace Gateway.Core.Model;

/// <summary>The numeric state/parameter type codes Overkiz puts in the <c>type</c> field.</summary>
public enum StateType
{
    None = 0,
    Int = 1,
    Float = 2,
    String = 3,
    Boolean = 6,
    JsonArray = 10,
    JsonObject = 11,
}
