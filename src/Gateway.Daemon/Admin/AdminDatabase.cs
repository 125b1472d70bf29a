using System.Text.Json;
using Gateway.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Daemon.Admin;

/// <summary><c>gatewayctl db check</c>: SQLite's full integrity check on the live database, and its sizes.</summary>
public static class AdminDatabase
{
    public static async Task CheckAsync(HttpContext context)
    {
        var database = context.RequestServices.GetRequiredService<SqliteDatabase>();
        var facts = context.RequestServices.GetRequiredService<AdminFacts>();
        var problems = await database.UseAsync(async connection =>
        {
            var found = new List<string>();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
            while (await reader.ReadAsync(context.RequestAborted)) found.Add(reader.GetString(0));
            return found;
        }, context.RequestAborted);
        var healthy = problems is ["ok"];
        await AdminJson.WriteAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("ok", healthy);
            w.WriteStartArray("problems");
            if (!healthy) foreach (var problem in problems) w.WriteStringValue(problem);
            w.WriteEndArray();
            WriteSizes(w, facts.DataDirectory);
            w.WriteEndObject();
        });
    }

    public static void WriteSizes(Utf8JsonWriter w, string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, SqliteDatabase.FileName);
        w.WriteStartObject("database");
        w.WriteString("path", path);
        w.WriteNumber("bytes", SizeOf(path));
        w.WriteNumber("walBytes", SizeOf(path + "-wal"));
        w.WriteEndObject();
    }

    private static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
