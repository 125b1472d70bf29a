using Gateway.Daemon.Hosting;
using Gateway.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Daemon.Cli;

/// <summary>
/// <c>gatewayd token create --label NAME</c> (prints only the token), <c>token list</c>, <c>token revoke ID</c>.
/// Works beside a running daemon: both share the SQLite file, and the command does not take the daemon's lock.
/// <c>create</c> may make the database (a token before the first start, as install.sh does); <c>list</c> and
/// <c>revoke</c> never do, so a mistyped data directory is reported instead of silently made.
/// </summary>
public static class TokenCommand
{
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration)
    {
        var verb = args.Length > 1 ? args[1] : "";
        var label = OptionValue(args, "--label");
        switch (verb)
        {
            case "create" when string.IsNullOrWhiteSpace(label):
                return Fail("gatewayd: token create needs --label NAME", ExitCodes.Configuration);
            case "revoke" when args.Length < 3:
                return Fail("gatewayd: token revoke needs the token id (see token list)", ExitCodes.Configuration);
            case "create" or "list" or "revoke":
                break;
            default:
                return Fail("usage: gatewayd token create --label NAME | token list | token revoke ID (see gatewayd token --help)", ExitCodes.Configuration);
        }

        var setting = configuration["Gateway:DataDirectory"] ?? "./data";
        if (string.IsNullOrWhiteSpace(setting)) return Fail("gatewayd: Gateway:DataDirectory is empty", ExitCodes.Configuration);
        var dataDirectory = Path.GetFullPath(setting);
        var databasePath = Path.Combine(dataDirectory, SqliteDatabase.FileName);
        var creating = !File.Exists(databasePath);
        try
        {
            if (creating && verb != "create")
                return Fail($"gatewayd: no gateway database in {dataDirectory} ({SqliteDatabase.FileName} missing); check --Gateway:DataDirectory, or start gatewayd there once", ExitCodes.Failure);
            if (creating) DataDirectory.EnsureUsable(dataDirectory);
            else DataDirectory.EnsureWritable(dataDirectory);
            Security.PrivateFiles.PrepareDataDirectory(dataDirectory);

            await using var database = await SqliteDatabase.OpenAsync(dataDirectory, NullLogger.Instance, CancellationToken.None);
            if (creating) Console.Error.WriteLine($"gatewayd: created a new gateway database in {dataDirectory}");
            return await RunVerbAsync(verb, args, label, new SqliteTokenStore(database));
        }
        catch (StartupException ex)
        {
            return Fail($"gatewayd: {ex.Message}", ex.ExitCode);
        }
        catch (SqliteException ex)
        {
            return Fail($"gatewayd: cannot use the database {databasePath}: {ex.Message}", ExitCodes.Failure);
        }
    }

    private static async Task<int> RunVerbAsync(string verb, string[] args, string? label, SqliteTokenStore tokens)
    {
        switch (verb)
        {
            case "create":
                var (_, secret) = await tokens.CreateAsync(label!, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), CancellationToken.None);
                Console.Out.WriteLine(secret);
                return ExitCodes.Success;
            case "list":
                foreach (var token in await tokens.ListAsync(CancellationToken.None))
                    Console.Out.WriteLine($"{token.Id}\t{DateTimeOffset.FromUnixTimeMilliseconds(token.CreationTime):u}\t{token.Label}");
                return ExitCodes.Success;
            default:
                if (await tokens.RevokeAsync(args[2], CancellationToken.None)) return ExitCodes.Success;
                return Fail($"gatewayd: no token with id {args[2]}", ExitCodes.Failure);
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

    private static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine(message);
        return exitCode;
    }
}
