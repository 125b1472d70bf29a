using System.Text.Json;

namespace Gateway.Core.Radio;

/// <summary>One command for one device; <see cref="Address"/> is the deviceURL part after the gateway id.</summary>
public sealed record RadioCommand(string Address, string Name, IReadOnlyList<JsonElement> Parameters);
