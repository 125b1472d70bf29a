using Gateway.Api.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Daemon.Benchmarks;

/// <summary>
/// <c>GET /gatewayd/bench/static-devices</c>: the body of <c>/setup/devices</c> as captured on the first call, then
/// served as the same constant bytes forever. It is the baseline <c>scripts/bench.sh</c> compares the real route
/// against: same Kestrel, TLS and middleware (bearer token included), no device list behind it.
/// Mapped only when <c>Gateway:Api:BenchmarkRoutes</c> is true.
/// </summary>
public static class StaticBenchmarkEndpoints
{
    public const string Path = "/gatewayd/bench/static-devices";

    public static void MapStaticBenchmarkEndpoints(this IEndpointRouteBuilder app)
    {
        var cache = app.ServiceProvider.GetRequiredService<DeviceListCache>();
        byte[]? captured = null;
        app.MapGet(Path, () =>
        {
            var body = Volatile.Read(ref captured);
            if (body is null)
            {
                // Copied so the baseline never shares an array with the live cache; the first capture wins.
                Interlocked.CompareExchange(ref captured, cache.DevicesJson().ToArray(), null);
                body = Volatile.Read(ref captured)!;
            }
            return new PacedJsonBytes(body);
        });
    }
}
