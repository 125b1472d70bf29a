using System.Collections.Concurrent;
using Gateway.Core.Persistence;

namespace Gateway.Api.Infrastructure;

/// <summary>
/// Checks bearer tokens against the store, remembering good ones briefly so a busy client costs no database read
/// per request. Tokens created or revoked from the command line take effect within <see cref="CacheLifetime"/>.
/// </summary>
public sealed class TokenAuthenticator(ITokenStore store, TimeProvider time)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);
    private const int MaxCached = 256;

    private readonly ConcurrentDictionary<string, (ApiTokenInfo Token, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<ApiTokenInfo?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(secret, out var cached) && cached.Until > now) return cached.Token;

        var token = await store.FindBySecretAsync(secret, cancellationToken);
        if (token is null)
        {
            _cache.TryRemove(secret, out _);
            return null;
        }
        if (_cache.Count >= MaxCached) _cache.Clear();
        _cache[secret] = (token, now + CacheLifetime);
        return token;
    }

    public void Forget() => _cache.Clear();
}
