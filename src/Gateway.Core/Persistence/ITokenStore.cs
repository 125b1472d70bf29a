namespace Gateway.Core.Persistence;

public sealed record ApiTokenInfo(string Id, string Label, long CreationTime);

/// <summary>Bearer tokens of the local API; only hashes are stored.</summary>
public interface ITokenStore
{
    /// <summary>Creates a token and returns its secret value, which is never stored.</summary>
    Task<(ApiTokenInfo Info, string Secret)> CreateAsync(string label, long now, CancellationToken cancellationToken);

    Task<ApiTokenInfo?> FindBySecretAsync(string secret, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiTokenInfo>> ListAsync(CancellationToken cancellationToken);

    Task<bool> RevokeAsync(string id, CancellationToken cancellationToken);
}
