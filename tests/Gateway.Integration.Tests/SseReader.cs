using System.Text;

namespace Gateway.Integration.Tests;

/// <summary>One Server-Sent Events message: its id, its event type (null for a plain message) and its data; or a comment line.</summary>
public sealed record SseFrame(string? Id, string? Event, string Data, bool IsComment = false);

/// <summary>Reads text/event-stream messages and comments (the heartbeat) from a response body.</summary>
public sealed class SseReader(Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body, Encoding.UTF8);

    /// <summary>The next message, or null when the stream ended.</summary>
    public async Task<SseFrame?> NextAsync(CancellationToken cancellationToken)
    {
        string? id = null, type = null;
        var data = new StringBuilder();
        var any = false;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (any) return new SseFrame(id, type, data.ToString());
                continue;
            }
            if (line.StartsWith(':') && !any) return new SseFrame(null, null, line[1..].Trim(), IsComment: true);
            if (line.StartsWith(':')) continue;
            any = true;
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data.Append(data.Length > 0 ? "\n" : "").Append(value); break;
            }
        }
        return null;
    }

    /// <summary>Messages (comments skipped) until <paramref name="done"/> holds for the last one read.</summary>
    public async Task<List<SseFrame>> ReadUntilAsync(Func<SseFrame, bool> done, CancellationToken cancellationToken)
    {
        var frames = new List<SseFrame>();
        while (await NextAsync(cancellationToken) is { } frame)
        {
            if (frame.IsComment) continue;
            frames.Add(frame);
            if (done(frame)) return frames;
        }
        throw new EndOfStreamException("the stream ended after " + frames.Count + " messages");
    }

    public void Dispose() => _reader.Dispose();
}
