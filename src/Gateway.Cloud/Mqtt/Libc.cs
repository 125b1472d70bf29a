using System.Runtime.InteropServices;

namespace Gateway.Cloud.Mqtt;

/// <summary>
/// The libc calls the MQTT network loop needs: poll on libmosquitto's socket and an eventfd that wakes it, and TCP_CORK
/// and TCP_QUICKACK on that socket.
/// </summary>
internal static unsafe partial class Libc
{
    public const short PollIn = 0x1, PollOut = 0x4, PollErr = 0x8, PollHup = 0x10;
    public const int EINTR = 4;
    public const int EfdNonBlock = 0x800, EfdCloexec = 0x80000;
    public const int IpProtoTcp = 6, TcpCork = 3, TcpQuickAck = 12;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventFd(uint initialValue, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, void* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, void* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSockOpt(int fd, int level, int name, int* value, uint length);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);
}
