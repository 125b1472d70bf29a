namespace Gateway.Daemon.Reset;

/// <summary>What a factory reset did to one radio.</summary>
public sealed record RadioResetOutcome(string Protocol, string Outcome, bool Succeeded);
