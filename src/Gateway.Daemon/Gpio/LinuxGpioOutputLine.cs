using System.Runtime.InteropServices;

namespace Gateway.Daemon.Gpio;

/// <summary>An output line taken with GPIO_V2_GET_LINE_IOCTL, driven with GPIO_V2_LINE_SET_VALUES_IOCTL.</summary>
internal sealed class LinuxGpioOutputLine(int fd) : IGpioOutputLine
{
    public void Set(bool active)
    {
        var values = GpioUapi.LineValues(active);
        if (GpioNative.Ioctl(fd, GpioUapi.SetValuesIoctl, ref values[0]) < 0)
            throw new IOException($"cannot set the GPIO line: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    public void Dispose() => GpioNative.Close(fd);
}
