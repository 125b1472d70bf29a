namespace Gateway.Core.History;

/// <summary>Reads the historised states of devices (see docs/state-history.md).</summary>
public interface IStateHistoryReader
{
    /// <summary>
    /// The points of one state with a period starting in [from, to] (epoch ms); raw queries give at most
    /// <paramref name="limit"/> samples, the latest ones. Null when the state was never historised for the device.
    /// </summary>
    Task<StateHistorySeries?> ReadAsync(string deviceUrl, string stateName, StateHistoryResolution resolution, long from, long to, int limit,
        CancellationToken cancellationToken);

    /// <summary>The states of the device with a history, by name.</summary>
    Task<IReadOnlyList<string>> HistorisedStatesAsync(string deviceUrl, CancellationToken cancellationToken);
}
