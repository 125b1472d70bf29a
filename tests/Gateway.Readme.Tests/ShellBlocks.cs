namespace Gateway.Readme.Tests;

/// <summary>The <c>```sh</c> blocks of a Markdown document, optionally only those under one <c>## </c> heading.</summary>
public static class ShellBlocks
{
    public static IReadOnlyList<string> Of(string markdown, string? section = null)
    {
        var blocks = new List<string>();
        var inSection = section is null;
        List<string>? current = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (current is null && line.StartsWith("## ", StringComparison.Ordinal) && section is not null)
                inSection = line.TrimEnd() == "## " + section;
            if (current is null && inSection && line.TrimEnd() == "```sh")
            {
                current = [];
                continue;
            }
            if (current is not null && line.TrimEnd() == "```")
            {
                blocks.Add(string.Join('\n', current));
                current = null;
                continue;
            }
            current?.Add(line);
        }
        return blocks;
    }
}
