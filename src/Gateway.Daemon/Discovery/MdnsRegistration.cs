using System.Net;
using Gateway.Core.Model;
using Gateway.Daemon.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Daemon.Discovery;

public static class MdnsRegistration
{
    /// <summary>The built-in mDNS responder, unless <c>Gateway:Mdns:Enabled=false</c> or the API has no HTTPS port.</summary>
    public static void AddMdnsAdvertisement(this IServiceCollection services, IConfiguration gateway, SetupIdentity identity,
        IPAddress apiBindAddress, int httpsPort, TimeProvider time)
    {
        var options = gateway.GetSection("Mdns").Get<MdnsOptions>() ?? new MdnsOptions();
        if (!options.Enabled || httpsPort <= 0) return;
        var advertisement = new KizboxAdvertisement(identity.GatewayId, httpsPort, HelpText.Version,
            () => MdnsResponder.AdvertisedAddresses(apiBindAddress));
        services.AddHostedService(sp => new MdnsResponder(advertisement, apiBindAddress, options.Port, time,
            sp.GetRequiredService<ILogger<MdnsResponder>>()));
    }
}
