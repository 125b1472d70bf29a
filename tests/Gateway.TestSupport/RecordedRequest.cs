namespace Gateway.TestSupport;

/// <summary>A request the fake provisioning server received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string? ContentType, string Body);
