using Gateway.Core.Persistence;
using Gateway.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Daemon.Cli;

/// <summary>
/// <c>gatewayd token create --label NAME</c> (prints only the token), <c>token list</c>, <c>token revoke ID</c>.
/// Works beside a running daemon: both share the SQLite file.
/// </summary>
public static class TokenCommand
{
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration["Gateway:DataDirectory"] ?? "./data");
        var verb = args.Length > 1 ? args[1] : "";
        Security.PrivateFiles.PrepareDataDirectory(dataDirectory);
        await using var database = await SqliteDatabase.OpenAsync(dataDirectory, NullLogger.Instance, CancellationToken.None);
        var tokens = new SqliteTokenStore(database);
        switch (verb)
        {
            case "create":
                var label = OptionValue(args, "--label");
                if (string.IsNullOrWhiteSpace(label)) return Usage("token create needs --label NAME");
                var (_, secret) = await tokens.CreateAsync(label, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), CancellationToken.None);
                Console.Out.WriteLine(secret);
                return 0;
            case "list":
                foreach (var token in await tokens.ListAsync(CancellationToken.None))
                    Console.Out.WriteLine($"{token.Id}\t{DateTimeOffset.FromUnixTimeMilliseconds(token.CreationTime):u}\t{token.Label}");
                return 0;
            case "revoke":
                if (args.Length < 3) return Usage("token revoke needs the token id (see token list)");
                if (await tokens.RevokeAsync(args[2], CancellationToken.None)) return 0;
                Console.Error.WriteLine($"no token with id {args[2]}");
                return 1;
            default:
                return Usage("usage: gatewayd token create --label NAME | token list | token revoke ID");
        }
    }

    private static string? OptionValue(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == name && i + 1 < args.Length) return args[i + 1];
            if (args[i].StartsWith(name + "=", StringComparison.Ordinal)) return args[i][(name.Length + 1)..];
        }
        return null;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
