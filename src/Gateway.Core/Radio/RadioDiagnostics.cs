namespace Gateway.Core.Radio;

/// <summary>A snapshot of a radio's health counters (frames in/out, errors, retries ...).</summary>
public sealed record RadioDiagnostics(string Protocol, bool Running, bool PairingMode, IReadOnlyDictionary<string, long> Counters);
