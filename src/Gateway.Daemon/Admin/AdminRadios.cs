using Gateway.Engine.Radios;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Daemon.Admin;

/// <summary><c>gatewayctl radio PROTOCOL diag</c>: the radio's own counters and facts (base id, firmware, ...).</summary>
public static class AdminRadios
{
    public static Task DiagnoseAsync(HttpContext context, string protocol)
    {
        var radio = context.RequestServices.GetRequiredService<RadioDirectory>().Find(protocol);
        if (radio is null) return AdminJson.WriteErrorAsync(context, 404, "UNSPECIFIED_ERROR", $"no {protocol} radio in this gateway");
        var port = AdminStatus.RadioPort(context.RequestServices.GetRequiredService<IConfiguration>(), protocol);
        return AdminJson.WriteAsync(context, w => AdminStatus.WriteRadio(w, radio.GetDiagnostics(), port));
    }
}
