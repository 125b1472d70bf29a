using System.Runtime.InteropServices;

namespace Gateway.Serial.Linux;

/// <summary>The few libc calls a serial port needs. Constants are those of Linux on x86_64, aarch64 and armhf.</summary>
internal static partial class Libc
{
    public const int O_RDWR = 0x2, O_NOCTTY = 0x100, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;
    public const short POLLIN = 0x1, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20;
    public const int EINTR = 4, EIO = 5, EAGAIN = 11, EINVAL = 22, EWOULDBLOCK = EAGAIN;
    public const int TCSANOW = 0, TCIOFLUSH = 2;
    public const uint CSIZE = 0x30, CS8 = 0x30, CSTOPB = 0x40, CREAD = 0x80, PARENB = 0x100, CLOCAL = 0x800, CRTSCTS = 0x80000000;
    public const int LOCK_EX = 2, LOCK_NB = 4;
    public const int EFD_NONBLOCK = 0x800, EFD_CLOEXEC = 0x80000;
    public const nuint TIOCEXCL = 0x540C;

    /// <summary>glibc's struct termios: 60 bytes, same layout on x86_64, aarch64 and armhf.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 60)]
    public unsafe struct Termios
    {
        public uint c_iflag;
        public uint c_oflag;
        public uint c_cflag;
        public uint c_lflag;
        public byte c_line;
        public fixed byte c_cc[32];
        private fixed byte _padding[3];
        public uint c_ispeed;
        public uint c_ospeed;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int fd;
        public short events;
        public short revents;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static unsafe partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int TcGetAttr(int fd, out Termios termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int TcSetAttr(int fd, int optionalActions, in Termios termios);

    [LibraryImport("libc", EntryPoint = "tcflush", SetLastError = true)]
    public static partial int TcFlush(int fd, int queueSelector);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    public static partial void CfMakeRaw(ref Termios termios);

    [LibraryImport("libc", EntryPoint = "cfsetispeed", SetLastError = true)]
    public static partial int CfSetISpeed(ref Termios termios, uint speed);

    [LibraryImport("libc", EntryPoint = "cfsetospeed", SetLastError = true)]
    public static partial int CfSetOSpeed(ref Termios termios, uint speed);

    [LibraryImport("libc", EntryPoint = "cfgetospeed")]
    public static partial uint CfGetOSpeed(in Termios termios);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    public static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventFd(uint initval, int flags);

    public static int LastError => Marshal.GetLastPInvokeError();

    public static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
}
