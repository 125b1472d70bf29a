namespace Gateway.Radio.Io.Tests;

internal static class Wait
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task UntilAsync(Func<bool> condition, string? what = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what ?? "condition never became true");
            await Task.Delay(10);
        }
    }
}
