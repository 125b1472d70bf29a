using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Integration.Tests;

/// <summary>
/// Feeds mutated and garbage JSON to every route that reads a body, through the real daemon's HTTP pipeline, with a
/// fixed seed (a failure replays). No answer may be a 5xx, and every error must carry a message.
/// </summary>
public class RequestReaderFuzzTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private const int Seed = 15;
    private const int MutationsPerRoute = 24;

    private static readonly JsonNode?[] Oddities =
    [
        null, "x", "", "\ud800", true, false, 0, -1, int.MinValue, 1e308, long.MaxValue, long.MinValue, 2147483648L, 0.5,
        new JsonArray(), new JsonObject(), new JsonArray((JsonNode?)null), JsonValue.Create(new string('z', 5000)),
    ];

    private static readonly string[] Garbage =
    [
        "", "x", "\"x\"", "true", "null", "[null]", "[]", "{}", "{", "[1,2", "{\"a\":}", "1e400", "-0", "\"\\ud800\"",
        "{\"\\ud800\":1}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "\u0000", "{\"actions\":null}",
    ];

    private (string Method, string Path, string Seed)[] Routes(string group, string gatewayId)
    {
        var url = $"sim://{gatewayId}/1100002";
        var apply = $$"""{"label":"fuzz","actions":[{"deviceURL":"{{url}}","commands":[{"name":"setClosure","parameters":[50],"delay":0}]}]}""";
        var condition = $$$"""{"staticDeviceStateCondition":{"deviceURL":"{{{url}}}","stateName":"core:ClosureState","operator":"GREATER_THAN","value1":10}}""";
        return
        [
            ("POST", "exec/apply", apply),
            ("POST", "actionGroups", apply),
            ("PUT", "actionGroups", apply.Replace("{\"label\"", $"{{\"oid\":\"{group}\",\"label\"")),
            ("POST", "conditionGroups", $$"""{"label":"fuzz","metadata":"m","conditions":[{{condition}}]}"""),
            ("PUT", "conditionGroups", $$"""{"oid":"nope","label":"fuzz","conditions":[{{condition}}]}"""),
            ("POST", "triggers", $$$"""{"ifThenSetupTrigger":{"label":"fuzz","mode":1,"rootConditionBlock":{"andBlock":{"subConditionBlocks":[{{{condition}}}]}},"effects":[{"actionGroupEffect":{"actionGroupOID":"{{{group}}}"}}]}}"""),
            ("POST", "triggers/test", $$$"""{"ifThenSetupTrigger":{"label":"fuzz","rootConditionBlock":{{{condition}}},"effects":[]}}"""),
            ("PUT", "triggers/status", """{"enabled":true}"""),
            ("PUT", "triggers/test/discrete/nope", """{"targetValue":"on"}"""),
            ("PUT", "setup/location", """{"timezone":"Europe/Paris","latitude":48.85,"longitude":2.35}"""),
            ("POST", "setup/calendar/days", $$$"""{"label":"fuzz","type":"WORK_DAY","dayTimeTriggers":[{"startActionGroupTimeTrigger":{"triggerType":"TIME","hours":7,"minutes":0,"actionGroupOID":"{{{group}}}"}}]}"""),
            ("PUT", "setup/calendar/days", """{"oid":"nope","label":"fuzz","type":"WORK_DAY","dayTimeTriggers":[]}"""),
            ("POST", "setup/calendar/rules", """{"weeklyCalendarRule":{"priority":1,"calendarDayOID":"nope","finalRule":false,"dayMask":127}}"""),
            ("PUT", "setup/calendar/rules", """{"weeklyCalendarRule":{"oid":"nope","priority":1,"calendarDayOID":"nope","dayMask":127}}"""),
            ("POST", "setup/calendar/ruleSet", """[{"weeklyCalendarRule":{"priority":1,"calendarDayOID":"nope","dayMask":1}}]"""),
            ("PUT", "setup/calendar/ruleSet", """[{"weeklyCalendarRule":{"oid":"nope","priority":1,"calendarDayOID":"nope","dayMask":1}}]"""),
            ("POST", "setup/calendar/ruleSet/_delete", """["nope"]"""),
            ("PUT", "setup/calendar/status", """{"enabled":true}"""),
            ("POST", "setup/calendar/schedule/2026/12/4/dayView", """{"actionGroupOIDs":["nope"]}"""),
            ("POST", $"config/{gatewayId}/enocean/learn/start", """{"enoceanEquipmentProfile":16122369,"subType":0}"""),
            ("PUT", "/gatewayd/simulation/devices/1100002/fault", """{"unreachable":false,"latencyMs":0}"""),
            ("PUT", "/gatewayd/simulation/devices/1100010/states", """[{"name":"core:TemperatureState","value":21.5,"type":2}]"""),
            ("POST", $"exec/schedule/{group}/4102444800000", ""),
            ("POST", "events/register", ""),
        ];
    }

    [Fact]
    public async Task Mutated_and_garbage_bodies_never_get_a_5xx_or_an_error_without_a_message()
    {
        using var client = gateway.Client();
        var scene = $$"""{"label":"fuzz base","actions":[{"deviceURL":"{{gateway.Url("1100002")}}","commands":[{"name":"open"}]}]}""";
        var group = (await client.PostJsonAsync("actionGroups", scene)).Body.GetProperty("actionGroupOID").GetString()!;
        var random = new Random(Seed);
        var failures = new List<string>();
        var sent = 0;

        foreach (var (method, path, seed) in Routes(group, gateway.GatewayId))
        {
            var bodies = Garbage.Concat(Enumerable.Range(0, MutationsPerRoute).Select(_ => Mutate(seed, random)));
            foreach (var body in bodies)
            {
                sent++;
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                if (status >= 500 || status >= 400 && !HasMessage(text))
                    failures.Add($"{method} {path} {Shorten(body)} -> {status} {Shorten(text)}");
            }
            // Whatever a mutation created or listened to must not exhaust a limit the next route needs.
            if (path == "events/register") break;
        }

        Assert.True(sent > 900, $"only {sent} requests sent");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.Equal(200, (await client.GetJsonAsync("apiVersion")).Status);
    }

    private static bool HasMessage(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String && error.GetString()!.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>One to three changes to a valid body: a value of the wrong kind, a member dropped, an item duplicated, or the text cut.</summary>
    private static string Mutate(string seed, Random random)
    {
        if (seed.Length == 0) return Garbage[random.Next(Garbage.Length)];
        var root = JsonNode.Parse(seed);
        var changes = random.Next(1, 4);
        for (var i = 0; i < changes; i++)
        {
            var nodes = Walk(root).ToList();
            if (nodes.Count == 0) break;
            var target = nodes[random.Next(nodes.Count)];
            switch (random.Next(4))
            {
                case 0:
                    Replace(target, Oddity(random), ref root);
                    break;
                case 1 when target.Parent is JsonObject parent:
                    parent.Remove(target.GetPropertyName());
                    break;
                case 2 when target.Parent is JsonArray array:
                    array.Add(target.DeepClone());
                    break;
                case 3:
                    var text = root?.ToJsonString() ?? "null";
                    return text[..random.Next(text.Length)];
                default:
                    Replace(target, Oddity(random), ref root);
                    break;
            }
        }
        return root?.ToJsonString() ?? "null";
    }

    private static JsonNode? Oddity(Random random) => Oddities[random.Next(Oddities.Length)]?.DeepClone();

    private static void Replace(JsonNode target, JsonNode? value, ref JsonNode? root)
    {
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = value;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = value;
                break;
            default:
                root = value;
                break;
        }
    }

    private static IEnumerable<JsonNode> Walk(JsonNode? node)
    {
        if (node is null) yield break;
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value).ToList(),
            JsonArray a => a.ToList(),
            _ => [],
        };
        foreach (var child in children)
            foreach (var descendant in Walk(child))
                yield return descendant;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
