namespace Gateway.Daemon.Discovery;

/// <summary><c>Gateway:Mdns:*</c>: the built-in advertisement of the local API.</summary>
public sealed class MdnsOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>5353 on a network; another port only for tests, which query it by unicast.</summary>
    public int Port { get; set; } = 5353;
}
