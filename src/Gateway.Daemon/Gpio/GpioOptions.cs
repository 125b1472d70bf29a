namespace Gateway.Daemon.Gpio;

/// <summary>The <c>Gateway:Gpio</c> section: the status LED and reset button lines (hardware/README.md).</summary>
public sealed class GpioOptions
{
    /// <summary><c>gpiochip0</c> or <c>/dev/gpiochip0</c>; empty (the default) keeps the feature off.</summary>
    public string Chip { get; set; } = "";

    /// <summary>Line offset of the status LED on <see cref="Chip"/> (on a Raspberry Pi, the BCM GPIO number).</summary>
    public int? LedPin { get; set; }

    /// <summary>Line offset of the reset button on <see cref="Chip"/>.</summary>
    public int? ButtonPin { get; set; }

    /// <summary>The button closes to ground (the line's pull-up is enabled); false for a button that closes to 3.3 V.</summary>
    public bool ButtonActiveLow { get; set; } = true;

    /// <summary>The device path of <see cref="Chip"/>.</summary>
    public string ChipPath => Chip.StartsWith('/') ? Chip : "/dev/" + Chip;
}
