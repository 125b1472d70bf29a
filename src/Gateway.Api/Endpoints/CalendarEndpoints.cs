using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Api.Contracts;
using Gateway.Api.Infrastructure;
using Gateway.Core.Calendars;
using Gateway.Core.Errors;
using Gateway.Core.Limits;
using Gateway.Engine.Calendars;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Api.Endpoints;

/// <summary>
/// /setup/calendar…: calendar days (named sets of day-time triggers), weekly rules and rule sets, the calendar status,
/// and the schedule of a date or a range of dates with the resolved firing times.
/// </summary>
public static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this IEndpointRouteBuilder api)
    {
        var days = CalendarJsonContext.Relaxed;

        api.MapGet("/setup/calendar/days", (CalendarService calendar) => Results.Json(calendar.Days(), days.IReadOnlyListCalendarDay));

        api.MapGet("/setup/calendar/days/{oid}", (string oid, CalendarService calendar) =>
            Results.Json(calendar.FindDay(oid) ?? throw new OverkizException(OverkizError.UnknownObject()), days.CalendarDay));

        api.MapPost("/setup/calendar/days", async (HttpContext context, CalendarService calendar) =>
        {
            var day = await calendar.CreateDayAsync(await ReadAsync(context, days.CalendarDay, "a calendar day"), context.RequestAborted);
            return Results.Json(new CalendarDayOidResponse(day.Oid!), CalendarApiJsonContext.Relaxed.CalendarDayOidResponse, statusCode: StatusCodes.Status201Created);
        });

        api.MapPut("/setup/calendar/days", async (HttpContext context, CalendarService calendar) =>
        {
            var draft = await ReadAsync(context, days.CalendarDay, "a calendar day");
            if (draft.Oid is null) throw new OverkizException(OverkizError.BadParameters("the calendar day to update needs its oid"));
            await calendar.UpdateDayAsync(draft, context.RequestAborted);
            return Results.Ok();
        });

        api.MapDelete("/setup/calendar/days/{oid}", async (string oid, HttpContext context, CalendarService calendar) =>
        {
            await calendar.DeleteDayAsync(oid, context.RequestAborted);
            return Results.NoContent();
        });

        api.MapGet("/setup/calendar/rules", (CalendarService calendar) =>
            Results.Json(calendar.Rules().Select(r => new CalendarRule(r)).ToList(), days.IReadOnlyListCalendarRule));

        api.MapGet("/setup/calendar/rules/{oid}", (string oid, CalendarService calendar) =>
            Results.Json(new CalendarRule(calendar.FindRule(oid) ?? throw new OverkizException(OverkizError.UnknownObject())), days.CalendarRule));

        api.MapPost("/setup/calendar/rules", async (HttpContext context, CalendarService calendar) =>
        {
            var rule = Weekly(await ReadAsync(context, days.CalendarRule, "a calendar rule"));
            var created = (await calendar.CreateRulesAsync([rule], context.RequestAborted))[0];
            return Results.Json(new CalendarRuleOidResponse(created.Oid!, created.Oid!), CalendarApiJsonContext.Relaxed.CalendarRuleOidResponse, statusCode: StatusCodes.Status201Created);
        });

        api.MapPut("/setup/calendar/rules", async (HttpContext context, CalendarService calendar) =>
        {
            await calendar.UpdateRulesAsync([Weekly(await ReadAsync(context, days.CalendarRule, "a calendar rule"))], context.RequestAborted);
            return Results.Ok();
        });

        api.MapDelete("/setup/calendar/rules/{oid}", async (string oid, HttpContext context, CalendarService calendar) =>
        {
            await calendar.DeleteRulesAsync([oid], context.RequestAborted);
            return Results.NoContent();
        });

        api.MapPost("/setup/calendar/ruleSet", async (HttpContext context, CalendarService calendar) =>
        {
            var rules = (await ReadAsync(context, days.IReadOnlyListCalendarRule, "a list of calendar rules")).Select(Weekly).ToList();
            var created = await calendar.CreateRulesAsync(rules, context.RequestAborted);
            var oids = created.Select(r => r.Oid!).ToList();
            return Results.Json(new CalendarRuleSetResponse(oids, oids), CalendarApiJsonContext.Relaxed.CalendarRuleSetResponse, statusCode: StatusCodes.Status201Created);
        });

        api.MapPut("/setup/calendar/ruleSet", async (HttpContext context, CalendarService calendar) =>
        {
            var rules = (await ReadAsync(context, days.IReadOnlyListCalendarRule, "a list of calendar rules")).Select(Weekly).ToList();
            await calendar.UpdateRulesAsync(rules, context.RequestAborted);
            return Results.StatusCode(StatusCodes.Status201Created); // as the API description says for this operation
        });

        api.MapPost("/setup/calendar/ruleSet/_delete", async (HttpContext context, CalendarService calendar) =>
        {
            var oids = await ReadAsync(context, days.IReadOnlyListString, "a list of calendar rule OIDs");
            if (oids.Any(string.IsNullOrEmpty)) throw new OverkizException(OverkizError.BadParameters("the body must be a list of calendar rule OIDs (strings)"));
            await calendar.DeleteRulesAsync(oids, context.RequestAborted);
            return Results.NoContent();
        });

        api.MapGet("/setup/calendar/status", (CalendarService calendar) => Results.Json(calendar.Status, days.CalendarStatus));

        api.MapPut("/setup/calendar/status", async (HttpContext context, CalendarService calendar) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, OverkizError.BadParameters("body must be JSON"));
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("enabled", out var enabled)
                || enabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                throw new OverkizException(OverkizError.BadParameters("the calendar status is {\"enabled\": true|false}"));
            await calendar.SetStatusAsync(enabled.GetBoolean(), context.RequestAborted);
            return Results.Ok();
        });

        api.MapGet("/setup/calendar/schedule/{year}/{month}/{day}", (string year, string month, string day, CalendarService calendar) =>
            Results.Json(calendar.ScheduleFor(Date(year, month, day)), days.CalendarSchedule));

        api.MapPost("/setup/calendar/schedule/{year}/{month}/{day}/dayView", async (string year, string month, string day, HttpContext context,
            CalendarService calendar, TimeProvider time) =>
        {
            var date = Date(year, month, day);
            var filter = context.Request.ContentLength is null or 0 ? new DayViewFilter() : await ReadAsync(context, days.DayViewFilter, "a day view filter");
            return Results.Json(CalendarDayView.Build(calendar, date, filter, time.GetUtcNow().ToUnixTimeMilliseconds()), days.CalendarDay);
        });

        api.MapGet("/setup/calendar/schedule/{startDate}/{endDate}", (string startDate, string endDate, CalendarService calendar) =>
            Results.Json(calendar.ScheduleBetween(EpochDay(startDate), EpochDay(endDate)), days.IReadOnlyDictionaryStringCalendarSchedule));
    }

    private static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type, string what)
    {
        var malformed = OverkizError.BadParameters($"the body must be {what}");
        using var body = await RequestBody.ReadJsonAsync(context.Request, malformed, ApiLimits.LargeBodyBytes);
        try
        {
            return body.RootElement.Deserialize(type) ?? throw new OverkizException(malformed);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new OverkizException(malformed);
        }
    }

    private static WeeklyCalendarRule Weekly(CalendarRule? rule) =>
        rule?.WeeklyCalendarRule ?? throw new OverkizException(OverkizError.BadParameters("a calendar rule is {\"weeklyCalendarRule\": {…}}"));

    private static DateOnly Date(string year, string month, string day) =>
        int.TryParse(year, out var y) && int.TryParse(month, out var m) && int.TryParse(day, out var d)
        && y is >= 1970 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : throw new OverkizException(OverkizError.BadParameters("not a date"));

    /// <summary>A date as days since 1970-01-01 (the description's "EPOCH in days").</summary>
    private static DateOnly EpochDay(string value) =>
        int.TryParse(value, out var days) && days is >= 0 and <= 84000
            ? DateOnly.FromDayNumber(new DateOnly(1970, 1, 1).DayNumber + days)
            : throw new OverkizException(OverkizError.BadParameters("dates are days since 1970-01-01"));
}
