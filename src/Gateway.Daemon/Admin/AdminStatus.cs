using System.Text.Json;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Engine.Executions;
using Gateway.Engine.Listeners;
using Gateway.Engine.Radios;
using Gateway.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Daemon.Admin;

/// <summary><c>gatewayctl status</c>: one document with what a technician checks first.</summary>
public static class AdminStatus
{
    public static Task WriteAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var facts = services.GetRequiredService<AdminFacts>();
        var identity = services.GetRequiredService<SetupIdentity>();
        var radios = services.GetRequiredService<RadioDirectory>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var listeners = services.GetRequiredService<EventListenerRegistry>();
        var engine = services.GetRequiredService<ExecutionEngine>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        return AdminJson.WriteAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("version", facts.Version);
            w.WriteString("startedAt", facts.StartedAt);
            w.WriteNumber("uptimeSeconds", (long)(now - facts.StartedAt).TotalSeconds);
            w.WriteString("gatewayId", identity.GatewayId);
            w.WriteString("dataDirectory", facts.DataDirectory);
            w.WriteStartObject("api");
            w.WriteNumber("httpsPort", facts.HttpsPort);
            w.WriteNumber("httpPort", facts.HttpPort);
            w.WriteString("certificateSha256", services.GetRequiredService<Security.ApiTlsContext>().CertificateSha256);
            w.WriteEndObject();
            w.WriteStartArray("radios");
            foreach (var radio in radios.All.OrderBy(r => r.Protocol, StringComparer.Ordinal))
                WriteRadio(w, radio.GetDiagnostics(), RadioPort(configuration, radio.Protocol));
            w.WriteEndArray();
            w.WriteStartObject("cloud");
            w.WriteBoolean("enabled", facts.CloudBroker is not null);
            if (facts.CloudBroker is not null) w.WriteString("broker", facts.CloudBroker);
            w.WriteEndObject();
            AdminDatabase.WriteSizes(w, facts.DataDirectory);
            w.WriteNumber("listeners", listeners.Count);
            w.WriteStartArray("executions");
            foreach (var execution in engine.Current())
            {
                w.WriteStartObject();
                w.WriteString("id", execution.Id);
                w.WriteString("label", execution.ActionGroup.Label);
                w.WriteString("owner", execution.Owner);
                w.WriteString("state", execution.State.ToString());
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("recentProblems");
            foreach (var line in LogTail.Instance.Problems()) AdminStreams.WriteLogLine(w, line);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static void WriteRadio(Utf8JsonWriter w, RadioDiagnostics diagnostics, string? port)
    {
        w.WriteStartObject();
        w.WriteString("protocol", diagnostics.Protocol);
        if (port is not null) w.WriteString("port", port);
        w.WriteBoolean("running", diagnostics.Running);
        w.WriteBoolean("pairing", diagnostics.PairingMode);
        w.WriteStartObject("counters");
        foreach (var (name, value) in diagnostics.Counters.OrderBy(c => c.Key, StringComparer.Ordinal)) w.WriteNumber(name, value);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The configured port of the radio owning a protocol (<c>Gateway:Radios:EnOcean:Port</c> for enocean).</summary>
    public static string? RadioPort(IConfiguration configuration, string protocol)
    {
        foreach (var section in configuration.GetSection("Gateway:Radios").GetChildren())
            if (string.Equals(section.Key, protocol, StringComparison.OrdinalIgnoreCase))
                return section["Port"] is { Length: > 0 } port ? port : null;
        return null;
    }
}
