using System.Net.Sockets;
using Gateway.Daemon.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gateway.Daemon.Admin;

/// <summary>
/// The Unix domain socket gatewayctl talks to. It is plain HTTP and never TLS: reaching it is the authentication,
/// so the file is made readable and writable by the daemon's user and group only, and nothing of it is on the network.
/// </summary>
public sealed class AdminSocket(string path, string dataDirectory)
{
    private const UnixFileMode OwnerAndGroup = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    public string Path { get; } = path;

    /// <summary>Refuses a path the kernel cannot bind and a socket another daemon still answers on; removes a stale one.</summary>
    public void PrepareForBind()
    {
        if (Path.Length > AdminSocketPath.MaxLength)
            throw new StartupException($"the admin socket path {Path} is longer than {AdminSocketPath.MaxLength} bytes; set --Gateway:Admin:Socket to a shorter path");
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (!Directory.Exists(directory))
            throw new StartupException($"the folder of the admin socket {Path} does not exist; create it or set --Gateway:Admin:Socket");
        if (!File.Exists(Path)) return;
        if (SomeoneAnswers())
            throw new StartupException($"another gatewayd answers on the admin socket {Path}; stop it or set --Gateway:Admin:Socket");
        File.Delete(Path);
    }

    public void Listen(KestrelServerOptions kestrel) => kestrel.ListenUnixSocket(Path);

    /// <summary>
    /// Kestrel creates the file under the daemon's strict umask; the group gets access once it exists. Inside the
    /// data directory (0700, no group access to anything) the socket stays the daemon user's alone like every file there.
    /// </summary>
    public void OpenToGroup()
    {
        if (OperatingSystem.IsWindows() || !File.Exists(Path)) return;
        var folder = System.IO.Path.GetFullPath(System.IO.Path.GetDirectoryName(Path)!);
        if (string.Equals(folder.TrimEnd('/'), System.IO.Path.GetFullPath(dataDirectory).TrimEnd('/'), StringComparison.Ordinal)) return;
        File.SetUnixFileMode(Path, OwnerAndGroup);
    }

    public void Remove()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Already gone or on a read-only runtime folder: nothing to clean.
        }
    }

    private bool SomeoneAnswers()
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(Path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
