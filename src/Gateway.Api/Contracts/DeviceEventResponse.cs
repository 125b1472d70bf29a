using System.Text.Json.Serialization;
using Gateway.Core.History;

namespace Gateway.Api.Contracts;

/// <summary>GET /history/devicesEvent/{eventId}.</summary>
public sealed record DeviceEventResponse([property: JsonPropertyName("deviceEvent")] DeviceEvent DeviceEvent);
