namespace Gateway.Core.Cloud;

/// <summary>A downlink request seen before: its answer, or null while it has none (applied, answer not yet stored).</summary>
public sealed record CloudRequestRecord(string RequestId, byte[]? Response);
