using System.Text.Json;
using Spectre.Console;

namespace Gateway.Cli.Output;

/// <summary>
/// One place decides how answers look: with <c>--json</c> the daemon's document as is; on a terminal, tables with
/// colour; piped, tab-separated lines a script can cut.
/// </summary>
public sealed class Printer(bool json)
{
    public bool Json { get; } = json;

    public static bool Rich => !Console.IsOutputRedirected;

    public void Document(JsonElement document)
    {
        using var stream = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            document.WriteTo(writer);
        stream.Write("\n"u8);
    }

    /// <summary>A document on one line, for streams (<c>events</c>, <c>logs</c> with <c>--json</c>).</summary>
    public static void Line(JsonElement document) => Console.Out.WriteLine(document.GetRawText());

    public void Table(string? title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        if (!Rich)
        {
            Console.Out.WriteLine(string.Join('\t', headers));
            foreach (var row in rows) Console.Out.WriteLine(string.Join('\t', row));
            return;
        }
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null) table.Title = new TableTitle($"[bold]{Markup.Escape(title)}[/]");
        foreach (var header in headers) table.AddColumn(new TableColumn($"[bold]{Markup.Escape(header)}[/]"));
        foreach (var row in rows) table.AddRow(row.Select(cell => Markup.Escape(cell)).ToArray());
        AnsiConsole.Write(table);
    }

    public void Facts(string? title, IEnumerable<(string Name, string Value)> facts)
    {
        if (!Rich)
        {
            foreach (var (name, value) in facts) Console.Out.WriteLine($"{name}\t{value}");
            return;
        }
        if (title is not null) AnsiConsole.MarkupLine($"[bold underline]{Markup.Escape(title)}[/]");
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (name, value) in facts) grid.AddRow($"[grey]{Markup.Escape(name)}[/]", Colour(value));
        AnsiConsole.Write(grid);
    }

    public static void Error(string message) =>
        Console.Error.WriteLine(Console.IsErrorRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is not null
            ? $"gatewayctl: {message}"
            : $"\u001b[31mgatewayctl: {message}\u001b[0m");

    private static string Colour(string value) => value switch
    {
        "yes" or "ok" or "running" or "COMPLETED" => $"[green]{Markup.Escape(value)}[/]",
        "no" or "stopped" or "FAILED" or "damaged" => $"[red]{Markup.Escape(value)}[/]",
        _ => Markup.Escape(value),
    };
}
