using Gateway.Core.Radio;

namespace Gateway.Radio.Io.Tests;

internal sealed class RecordingProgress : IRadioCommandProgress
{
    public List<string> Steps { get; } = [];

    public void Transmitted()
    {
        lock (Steps) Steps.Add("TRANSMITTED");
    }

    public void InProgress()
    {
        lock (Steps) Steps.Add("IN_PROGRESS");
    }

    public System.Collections.Concurrent.ConcurrentQueue<TimeSpan> Expected { get; } = new();

    public void ExpectCompletionWithin(TimeSpan duration) => Expected.Enqueue(duration);
}
