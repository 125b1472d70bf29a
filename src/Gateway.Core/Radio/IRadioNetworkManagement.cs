namespace Gateway.Core.Radio;

/// <summary>
/// A radio that runs its own mesh network (a Zigbee coordinator). Each call starts the operation and returns once it is
/// under way; its end is reported as <see cref="NetworkOperationReported"/>. A call throws
/// <see cref="InvalidOperationException"/> when the radio cannot start it now and <see cref="ArgumentException"/> on bad input.
/// </summary>
public interface IRadioNetworkManagement
{
    public const string CreateNetwork = "CreateNetwork";
    public const string LeaveNetwork = "LeaveNetwork";
    public const string RefreshNetwork = "RefreshNetwork";
    public const string BindNetwork = "BindNetwork";
    public const string JoinNetwork = "JoinNetwork";

    /// <summary>A new network (fresh identifiers and key) on one of <paramref name="channels"/>, or the configured channel when empty.</summary>
    Task CreateNetworkAsync(IReadOnlyList<int> channels, CancellationToken cancellationToken);

    /// <summary>The radio leaves its network; its devices stay in the setup, unavailable, until they join again.</summary>
    Task LeaveNetworkAsync(CancellationToken cancellationToken);

    /// <summary>Reads every device's states again and retries the pairings that failed.</summary>
    Task RefreshNetworkAsync(CancellationToken cancellationToken);

    /// <summary>Binds every device's clusters to the radio again and configures their reporting.</summary>
    Task BindNetworkAsync(CancellationToken cancellationToken);
}
