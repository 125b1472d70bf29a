using System.Net.Security;
using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Simulator;

/// <summary>One client of the simulated KLF-200: its TLS stream, whether it logged in, and a single writer.</summary>
internal sealed class SimulatorConnection(SslStream stream, Klf200Simulator owner) : IAsyncDisposable
{
    private readonly SemaphoreSlim _write = new(1, 1);

    public bool Authenticated { get; set; }
    public bool HouseMonitor { get; set; }

    public async Task SendAsync(KlfFrame frame)
    {
        if (owner.ShouldDrop()) return;
        await _write.WaitAsync();
        try
        {
            await stream.WriteAsync(frame.ToWire());
            await stream.FlushAsync();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or NotSupportedException)
        {
            // The client went away; its reader loop ends the connection.
        }
        finally
        {
            _write.Release();
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = new KlfFrameReader();
        var buffer = new byte[1024];
        while (true)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }
            if (read == 0) return;
            var frames = new List<KlfFrame>();
            reader.Feed(buffer.AsSpan(0, read), frames.Add);
            foreach (var frame in frames) await owner.HandleAsync(this, frame);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await stream.DisposeAsync();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
        }
    }
}
