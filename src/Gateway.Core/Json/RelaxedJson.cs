using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gateway.Core.Json;

/// <summary>
/// What the API writes: only what JSON itself requires is escaped, so "+01:00" stays "+01:00" (not "\u002B01:00")
/// and non-ASCII names stay readable, as a box writes them. The output is always served as application/json, never
/// inlined in HTML, which is what the default encoder's extra escaping protects against.
/// </summary>
public static class RelaxedJson
{
    public static JsonSerializerOptions Copy(JsonSerializerOptions options) =>
        new(options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
