namespace Gateway.Radio.ZWave.Tests;

internal static class Wait
{
    /// <summary>Waits for a condition (never asserts timing; the limit only stops a hung test).</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"never happened: {what}");
            await Task.Delay(20);
        }
    }
}
