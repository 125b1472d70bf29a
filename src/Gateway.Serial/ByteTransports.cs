using Gateway.Serial.Linux;
using Gateway.Serial.Tcp;

namespace Gateway.Serial;

/// <summary>Makes the transport a configured port names: <c>tcp://host:port</c>, or a device path such as /dev/ttyUSB0.</summary>
public static class ByteTransports
{
    public static IByteTransport Create(string port, int baudRate)
    {
        if (port.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
        {
            var uri = new Uri(port);
            if (uri.Port <= 0) throw new ArgumentException($"{port}: a tcp:// port needs host:port");
            return new TcpTransport(port, uri.Host, uri.Port);
        }
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("serial ports are supported on Linux");
        return new LinuxSerialPort(port, baudRate);
    }
}
