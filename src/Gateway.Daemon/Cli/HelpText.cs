using System.Reflection;

namespace Gateway.Daemon.Cli;

/// <summary>The texts of <c>gatewayd --help</c> and <c>gatewayd token --help</c>.</summary>
public static class HelpText
{
    public static string Version =>
        typeof(HelpText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(HelpText).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public const string Daemon = """
        gatewayd: a home gateway serving the Overkiz/TaHoma local API over HTTPS.

        Usage:
          gatewayd [--Gateway:KEY=VALUE ...]        run the gateway
          gatewayd token create --label NAME         create an API token (prints only the token)
          gatewayd token list                        list tokens (id, creation time, label)
          gatewayd token revoke ID                   revoke a token
          gatewayd --help | --version

        Main settings (command line --Gateway:Api:HttpsPort=9443, environment Gateway__Api__HttpsPort=9443,
        or appsettings.json beside the binary) and their defaults:
          --Gateway:DataDirectory=./data             database, certificate, logs (relative to the current folder);
                                                     one gatewayd per data directory
          --Gateway:Label=gatewayd                   name of the pod device
          --Gateway:Api:BindAddress=0.0.0.0          an IP address, or localhost
          --Gateway:Api:HttpsPort=8443               0 = off
          --Gateway:Api:HttpPort=0                   plain HTTP for development; 0 = off
          --Gateway:Radios:Simulated:Enabled=true    the simulated home
          --Gateway:Radios:Simulated:TravelSeconds=8
          --Gateway:Radios:EnOcean:Port=             (off) /dev/ttyUSB0, /dev/gatewayd-enocean or tcp://host:port
          --Gateway:Radios:Zigbee:Port=              (off) a Z-Stack ZNP coordinator: serial path or tcp://host:port
          --Gateway:Radios:ZWave:Port=               (off) a Z-Wave Serial API controller: serial path or tcp://host:port
          --Gateway:Radios:Rts:Port=                 (off) an RFXtrx433E/XL for Somfy RTS: serial path or tcp://host:port
          --Gateway:Radios:Io:Port=                  (off) a KLF-200 for io-homecontrol: tls://host:51200
          --Gateway:Radios:Io:Password=              the KLF-200's password
          --Gateway:Cloud:BrokerUri=                 (off) cloud sync: mqtt://host:1883 or mqtts://host:8883
          --Gateway:Admin:Socket=                    gatewayctl's Unix socket (default: $RUNTIME_DIRECTORY or the
                                                     data directory, gatewayd.sock)
          --Gateway:Mdns:Enabled=true                advertise the API over mDNS as _kizboxdev._tcp
          --Gateway:Engine:MaxConcurrentExecutions=50
          --Gateway:LogLevel=Information             Verbose, Debug, Information, Warning, Error, Fatal
        Every setting, with the radios' and cloud's finer ones: the Configuration section of README.md.

        Exit codes: 0 done, 1 failed or data directory in use by another gatewayd, 2 wrong command line or setting.

        """;

    public const string Token = """
        Usage:
          gatewayd token create --label NAME [--Gateway:DataDirectory=DIR]
              prints only the new token; creates the database if the data directory has none yet
          gatewayd token list [--Gateway:DataDirectory=DIR]
              id, creation time (UTC) and label of every token
          gatewayd token revoke ID [--Gateway:DataDirectory=DIR]

        The data directory defaults to ./data, relative to the current folder, as for the daemon. The commands work
        beside a running gatewayd on the same data directory; it sees new and revoked tokens within 10 seconds.

        """;
}
