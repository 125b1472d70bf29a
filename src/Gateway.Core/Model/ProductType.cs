namespace Gateway.Core.Model;

/// <summary>The numeric device <c>type</c> field (Overkiz product type).</summary>
public static class ProductType
{
    public const int Actuator = 1;
    public const int Sensor = 2;
    public const int Gateway = 5;
}
