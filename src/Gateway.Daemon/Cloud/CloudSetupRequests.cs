using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Api.Contracts;
using Gateway.Api.Infrastructure;
using Gateway.Cloud.Sync;
using Gateway.Core.Automation;
using Gateway.Core.Calendars;
using Gateway.Core.Errors;
using Gateway.Core.Json;
using Gateway.Core.Licensing;
using Gateway.Core.Persistence;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Automation;
using Gateway.Engine.Calendars;
using Gateway.Engine.Licensing;

namespace Gateway.Daemon.Cloud;

/// <summary>
/// The setup requests of the downlink, each the twin of a local route and answered with its status and body:
/// action groups, calendar days and rules, condition groups, triggers, local API tokens and the licence record.
/// </summary>
public sealed class CloudSetupRequests(
    ActionGroupService actionGroups,
    CalendarService calendar,
    ConditionGroupService conditionGroups,
    TriggerCatalog triggers,
    ITokenStore tokenStore,
    TokenAuthenticator authenticator,
    LicenceService licence,
    TimeProvider time)
{
    public const int MaxTokenLabelLength = 100;

    public async Task<CloudAnswer?> HandleAsync(string type, JsonElement request, CancellationToken ct) => type switch
    {
        "createActionGroup" => Created(new ActionGroupOidResponse((await actionGroups.CreateAsync(ActionGroupDraft.Read(Body(request)), ct)).Oid),
            ApiJsonContext.Relaxed.ActionGroupOidResponse),
        "updateActionGroup" => Ok(await actionGroups.UpdateAsync(BodyOid(request), ActionGroupDraft.Read(Body(request)), ct), GatewayJsonContext.Relaxed.ActionGroup),
        "deleteActionGroup" => await NoContentAsync(actionGroups.DeleteAsync(Oid(request), ct)),
        "createCalendarDay" => Created(new CalendarDayOidResponse((await calendar.CreateDayAsync(Read(Body(request), CalendarJsonContext.Relaxed.CalendarDay, "a calendar day"), ct)).Oid!),
            CalendarApiJsonContext.Relaxed.CalendarDayOidResponse),
        "updateCalendarDay" => await OkAsync(calendar.UpdateDayAsync(CalendarDayWithOid(request), ct)),
        "deleteCalendarDay" => await NoContentAsync(calendar.DeleteDayAsync(Oid(request), ct)),
        "createCalendarRules" => CreatedRules(await calendar.CreateRulesAsync(Rules(request), ct)),
        "updateCalendarRules" => await OkAsync(calendar.UpdateRulesAsync(Rules(request), ct)),
        "deleteCalendarRules" => await NoContentAsync(calendar.DeleteRulesAsync(Oids(request), ct)),
        "createConditionGroup" => Created(new ConditionGroupOidResponse((await conditionGroups.CreateAsync(AutomationRequestReader.ReadConditionGroup(Body(request)), ct)).Oid),
            AutomationJsonContext.Relaxed.ConditionGroupOidResponse),
        "updateConditionGroup" => Ok(await conditionGroups.UpdateAsync(ConditionGroupWithOid(request), ct), AutomationJsonContext.Relaxed.ConditionGroup),
        "deleteConditionGroup" => await NoContentAsync(conditionGroups.DeleteAsync(Oid(request), ct)),
        "createTrigger" => await CreateTriggerAsync(request, ct),
        "updateTrigger" => Ok(await triggers.UpdateAsync(TriggerWithOid(request), ct), AutomationJsonContext.Relaxed.SetupTriggerEnvelope),
        "deleteTrigger" => await NoContentAsync(DeleteTriggerAsync(request, ct)),
        "createToken" => await CreateTokenAsync(request, ct),
        "revokeToken" => await RevokeTokenAsync(request, ct),
        "updateLicence" => Ok(await UpdateLicenceAsync(request, ct), LicenceJsonContext.Relaxed.LicenceView),
        _ => null,
    };

    private static JsonElement Body(JsonElement request) =>
        request.TryGetProperty("body", out var body) && body.ValueKind != JsonValueKind.Null
            ? body
            : throw new OverkizException(OverkizError.BadParameters("this request needs a \"body\""));

    private static string Oid(JsonElement request) => RequiredString(request, "oid");

    private static string BodyOid(JsonElement request) =>
        Body(request) is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("oid", out var oid) && oid.ValueKind == JsonValueKind.String && oid.GetString() is { Length: > 0 } text
            ? text
            : throw new OverkizException(OverkizError.MalformedActionGroup());

    private static string RequiredString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new OverkizException(OverkizError.BadParameters($"\"{name}\" must be a non-empty string"));

    private static T Read<T>(JsonElement element, JsonTypeInfo<T> type, string what)
    {
        var malformed = OverkizError.BadParameters($"the body must be {what}");
        try
        {
            return element.Deserialize(type) ?? throw new OverkizException(malformed);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new OverkizException(malformed);
        }
    }

    private static CalendarDay CalendarDayWithOid(JsonElement request)
    {
        var draft = Read(Body(request), CalendarJsonContext.Relaxed.CalendarDay, "a calendar day");
        return draft.Oid is null ? throw new OverkizException(OverkizError.BadParameters("the calendar day to update needs its oid")) : draft;
    }

    private static IReadOnlyList<WeeklyCalendarRule> Rules(JsonElement request) =>
        Read(Body(request), CalendarJsonContext.Relaxed.IReadOnlyListCalendarRule, "a list of calendar rules")
            .Select(r => r?.WeeklyCalendarRule ?? throw new OverkizException(OverkizError.BadParameters("a calendar rule is {\"weeklyCalendarRule\": {…}}")))
            .ToList();

    private static IReadOnlyList<string> Oids(JsonElement request)
    {
        var oids = Read(Body(request), CalendarJsonContext.Relaxed.IReadOnlyListString, "a list of calendar rule OIDs");
        return oids.Any(string.IsNullOrEmpty) ? throw new OverkizException(OverkizError.BadParameters("the body must be a list of calendar rule OIDs (strings)")) : oids;
    }

    private static ConditionGroup ConditionGroupWithOid(JsonElement request)
    {
        var draft = AutomationRequestReader.ReadConditionGroup(Body(request));
        return string.IsNullOrEmpty(draft.Oid) ? throw new OverkizException(OverkizError.BadParameters("malformed condition group")) : draft;
    }

    private static SetupTriggerEnvelope TriggerWithOid(JsonElement request)
    {
        var draft = AutomationRequestReader.ReadSetupTrigger(Body(request));
        return string.IsNullOrEmpty(draft.Oid) ? throw new OverkizException(OverkizError.BadParameters("malformed setup trigger")) : draft;
    }

    private async Task<CloudAnswer> CreateTriggerAsync(JsonElement request, CancellationToken ct)
    {
        var allowExecute = request.TryGetProperty("allowExecuteOnCreate", out var flag) && flag.ValueKind == JsonValueKind.True;
        var (oid, id) = await triggers.CreateAsync(AutomationRequestReader.ReadSetupTrigger(Body(request)), allowExecute, ct);
        return Created(new SetupTriggerIdResponse(id, oid), AutomationJsonContext.Relaxed.SetupTriggerIdResponse);
    }

    private Task DeleteTriggerAsync(JsonElement request, CancellationToken ct)
    {
        var type = RequiredString(request, "triggerType");
        AutomationRequestReader.CheckType(type);
        return triggers.DeleteAsync(type, Oid(request), ct);
    }

    private async Task<CloudAnswer> CreateTokenAsync(JsonElement request, CancellationToken ct)
    {
        var label = RequiredString(request, "label");
        if (label.Length > MaxTokenLabelLength || label.Any(char.IsControl))
            throw new OverkizException(OverkizError.BadParameters($"\"label\" is at most {MaxTokenLabelLength} printable characters"));
        var (info, secret) = await tokenStore.CreateAsync(label, time.GetUtcNow().ToUnixTimeMilliseconds(), ct);
        return new CloudAnswer(201, WriteJson(json =>
        {
            json.WriteStartObject();
            json.WriteString("id", info.Id);
            json.WriteString("label", info.Label);
            json.WriteNumber("creationTime", info.CreationTime);
            json.WriteString("token", secret);
            json.WriteEndObject();
        }));
    }

    private async Task<CloudAnswer> RevokeTokenAsync(JsonElement request, CancellationToken ct)
    {
        if (!await tokenStore.RevokeAsync(RequiredString(request, "id"), ct)) throw new OverkizException(OverkizError.UnknownObject());
        authenticator.Forget();
        return CloudAnswer.NoContent;
    }

    private async Task<LicenceView> UpdateLicenceAsync(JsonElement request, CancellationToken ct)
    {
        var body = Body(request);
        if (body.ValueKind != JsonValueKind.Object) throw new OverkizException(OverkizError.BadParameters("the body must be the customer record"));
        await licence.UpdateAsync(Read(body, LicenceJsonContext.Default.CustomerLicence, "the customer record"), ct);
        return licence.View();
    }

    private static CloudAnswer Created<T>(T value, JsonTypeInfo<T> type) => new(201, JsonSerializer.SerializeToUtf8Bytes(value, type));

    private static CloudAnswer Ok<T>(T value, JsonTypeInfo<T> type) => new(200, JsonSerializer.SerializeToUtf8Bytes(value, type));

    private static CloudAnswer CreatedRules(IReadOnlyList<WeeklyCalendarRule> created)
    {
        var oids = created.Select(r => r.Oid!).ToList();
        return Created(new CalendarRuleSetResponse(oids, oids), CalendarApiJsonContext.Relaxed.CalendarRuleSetResponse);
    }

    private static async Task<CloudAnswer> OkAsync(Task work)
    {
        await work;
        return CloudAnswer.Ok;
    }

    private static async Task<CloudAnswer> NoContentAsync(Task work)
    {
        await work;
        return CloudAnswer.NoContent;
    }

    private static byte[] WriteJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = GatewayJsonContext.Relaxed.Options.Encoder })) write(json);
        return buffer.ToArray();
    }
}
