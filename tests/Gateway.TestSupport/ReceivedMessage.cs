namespace Gateway.TestSupport;

public sealed record ReceivedMessage(string Topic, bool Retained, string Payload);
