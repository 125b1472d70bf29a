using BenchmarkDotNet.Running;
using Gateway.Benchmarks;

// dotnet run -c Release --project tests/Gateway.Benchmarks -- esp3 | triggers | enocean-latency [samples] | zigbee-latency [samples] | io-latency [samples] | rts-latency [samples] | zwave-latency [samples] | jitter [schedules] [calendarMinutes]
//   | scale [triggers] [calendarDays] [samples] | history [queries] | setup-rows [triggers] [samples] | events [events] [samples]
switch (args.FirstOrDefault())
{
    case "esp3":
        var summary = BenchmarkRunner.Run<Esp3DecodeBenchmarks>();
        var report = summary.Reports.Single();
        var nanoseconds = report.ResultStatistics!.Mean;
        Console.WriteLine($"RESULT esp3 | frames decoded per second (bytes → ESP3 → ERP1 → EEP states) | {1e9 / nanoseconds:N0} |");
        Console.WriteLine($"RESULT esp3 | mean time per frame | {nanoseconds:F0} ns |");
        Console.WriteLine($"RESULT esp3 | allocated per frame | {report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0} B |");
        return 0;
    case "triggers":
        foreach (var run in BenchmarkRunner.Run<TriggerEvaluationBenchmarks>().Reports)
            Console.WriteLine($"RESULT triggers | {run.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} | {run.ResultStatistics!.Mean / 1000:F2} µs | {run.GcStats.GetBytesAllocatedPerOperation(run.BenchmarkCase) ?? 0} B |");
        return 0;
    case "enocean-latency":
        var samples = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300;
        Console.WriteLine(await EnOceanLatencyBenchmark.RunAsync(samples));
        return 0;
    case "zigbee-latency":
        Console.WriteLine(await ZigbeeLatencyBenchmark.RunAsync(IntArg(1, 300)));
        return 0;
    case "io-latency":
        Console.WriteLine(await IoLatencyBenchmark.RunAsync(IntArg(1, 300)));
        return 0;
    case "rts-latency":
        Console.WriteLine(await RtsLatencyBenchmark.RunAsync(IntArg(1, 300)));
        return 0;
    case "zwave-latency":
        Console.WriteLine(await ZWaveLatencyBenchmark.RunAsync(IntArg(1, 300)));
        return 0;
    case "jitter":
        Console.WriteLine(await ScheduleJitterBenchmark.RunAsync(IntArg(1, 60), IntArg(2, 3)));
        return 0;
    case "scale":
        Console.WriteLine(await AutomationScaleBenchmark.RunAsync(IntArg(1, 1000), IntArg(2, 100), IntArg(3, 30)));
        return 0;
    case "history":
        Console.WriteLine(await StateHistoryBenchmark.RunAsync(IntArg(1, 200)));
        return 0;
    case "setup-rows":
        Console.WriteLine(await SetupRowsWriteBenchmark.RunAsync(IntArg(1, 900), IntArg(2, 21)));
        return 0;
    case "events":
        Console.WriteLine(await EventStreamBenchmark.RunAsync(IntArg(1, 20000), IntArg(2, 300)));
        return 0;
    default:
        Console.Error.WriteLine("usage: Gateway.Benchmarks esp3 | triggers | enocean-latency [samples] | zigbee-latency [samples] | io-latency [samples] | rts-latency [samples] | zwave-latency [samples] | jitter [schedules] [calendarMinutes] | scale [triggers] [calendarDays] [samples] | history [queries] | setup-rows [triggers] [samples] | events [events] [samples]");
        return 2;
}

int IntArg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
