namespace Gateway.Engine.Streams;

/// <summary>One event of the push stream: its stream id (increasing) and its JSON, exactly as a listener fetches it.</summary>
public readonly record struct StreamedEvent(long Id, byte[] Json);
