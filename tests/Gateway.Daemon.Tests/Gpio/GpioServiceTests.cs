using Gateway.Daemon.Gpio;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Daemon.Tests.Gpio;

public class GpioServiceTests
{
    [Theory]
    [InlineData("", 17, "not configured")]
    [InlineData("gpiochip0", null, "not configured")]
    [InlineData("/dev/gpiochip97", 17, "there is no /dev/gpiochip97")]
    public async Task Without_a_configured_or_present_chip_the_feature_is_off_with_one_log_line(string chip, int? led, string expected)
    {
        var log = new ListLogger();
        var service = new GpioService(new GpioOptions { Chip = chip, LedPin = led }, EmptyServices.Instance, new Lifetime(), TimeProvider.System, log);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!;

        var line = Assert.Single(log.Lines);
        Assert.Contains(expected, line);
        Assert.Contains("off", line);
    }

    [Fact]
    public async Task A_chip_that_refuses_the_line_turns_the_feature_off_with_the_reason()
    {
        var log = new ListLogger();
        var service = new GpioService(new GpioOptions { Chip = "gpiochip0", LedPin = 17 }, EmptyServices.Instance, new Lifetime(), TimeProvider.System, log,
            _ => throw new IOException("cannot take line 17 of /dev/gpiochip0: Device or resource busy"));

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!;

        Assert.Contains("busy", Assert.Single(log.Lines));
    }

    private sealed class ListLogger : ILogger<GpioService>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();
        public object? GetService(Type serviceType) => null;
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }
}
