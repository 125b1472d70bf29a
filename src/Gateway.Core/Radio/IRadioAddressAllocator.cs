namespace Gateway.Core.Radio;

/// <summary>Radios whose gateway-side addresses are allocated per device (EnOcean sender ids) implement this.</summary>
public interface IRadioAddressAllocator
{
    Task<string> NextAddressAsync(string deviceType, CancellationToken cancellationToken);
}
