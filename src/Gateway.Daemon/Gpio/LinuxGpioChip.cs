using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Gateway.Daemon.Gpio;

/// <summary>A /dev/gpiochipN through the v2 uAPI: each requested line is its own file descriptor.</summary>
public sealed class LinuxGpioChip : IGpioChip
{
    public const string Consumer = "gatewayd";
    private readonly int _fd;
    private readonly string _path;

    private LinuxGpioChip(int fd, string path)
    {
        _fd = fd;
        _path = path;
    }

    /// <summary>Opens the chip; throws <see cref="IOException"/> naming the path and the reason when it cannot.</summary>
    public static LinuxGpioChip Open(string path)
    {
        var fd = GpioNative.Open(path, GpioNative.ReadWrite | GpioNative.CloseOnExec);
        if (fd < 0) throw new IOException($"cannot open {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        return new LinuxGpioChip(fd, path);
    }

    public IGpioOutputLine RequestOutput(int offset, bool initial) =>
        new LinuxGpioOutputLine(RequestLine(offset, GpioUapi.LineRequest(offset, Consumer, GpioUapi.FlagOutput, outputValue: initial)));

    public IGpioInputLine RequestInput(int offset, bool activeLow, TimeSpan debounce)
    {
        var flags = GpioUapi.FlagInput | GpioUapi.FlagEdgeRising | GpioUapi.FlagEdgeFalling
                    | (activeLow ? GpioUapi.FlagActiveLow | GpioUapi.FlagBiasPullUp : GpioUapi.FlagBiasPullDown);
        return new LinuxGpioInputLine(RequestLine(offset, GpioUapi.LineRequest(offset, Consumer, flags, debounce: debounce)));
    }

    private int RequestLine(int offset, byte[] request)
    {
        if (GpioNative.Ioctl(_fd, GpioUapi.GetLineIoctl, ref request[0]) < 0)
            throw new IOException($"cannot take line {offset} of {_path}: {Marshal.GetLastPInvokeErrorMessage()}");
        return BinaryPrimitives.ReadInt32LittleEndian(request.AsSpan(GpioUapi.FdOffset));
    }

    public void Dispose() => GpioNative.Close(_fd);
}
