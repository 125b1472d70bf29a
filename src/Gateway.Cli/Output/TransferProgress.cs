using Spectre.Console;

namespace Gateway.Cli.Output;

/// <summary>
/// A progress bar for an archive on its way to or from the daemon: with a known size a bar with percentage and speed,
/// without one a running byte count. Piped, nothing is drawn and the work just runs.
/// </summary>
public static class TransferProgress
{
    /// <param name="work">Runs the transfer; reports each chunk's byte count through the action it is given.</param>
    public static Task RunAsync(string description, long? totalBytes, Func<Action<long>, Task> work)
    {
        if (!Printer.Rich) return work(_ => { });
        return AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: totalBytes ?? 1);
                task.IsIndeterminate = totalBytes is null;
                await work(bytes => task.Increment(bytes));
                task.Value = task.MaxValue;
            });
    }
}
