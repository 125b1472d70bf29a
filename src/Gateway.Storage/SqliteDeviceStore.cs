using System.Collections.Concurrent;
using System.Text.Json;
using Gateway.Core.Json;
using Gateway.Core.Limits;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Gateway.Storage;

/// <summary>
/// Devices and their current states. Writes are coalesced: a shutter reporting its closure four times a second
/// costs one row write per batch, not four.
/// </summary>
public sealed class SqliteDeviceStore : IDeviceStore, IAsyncDisposable
{
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly SqliteDatabase _database;
    private readonly ILogger<SqliteDeviceStore> _logger;
    /// <summary>What is to be written per deviceURL: the latest version of the device, or null to delete it.</summary>
    private readonly ConcurrentDictionary<string, Device?> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;
    private TaskCompletionSource _flushed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _flushGate = new();

    public SqliteDeviceStore(SqliteDatabase database, ILogger<SqliteDeviceStore> logger)
    {
        _database = database;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    public Task<IReadOnlyList<Device>> LoadAllAsync(CancellationToken cancellationToken) =>
        _database.UseAsync<IReadOnlyList<Device>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT device_url, oid, substr(label, 1, $label), controllable_name, place_oid, product_type, available, enabled,
                       creation_time, last_update_time,
                       CASE WHEN length(attributes_json) <= $max THEN attributes_json ELSE '[]' END,
                       CASE WHEN length(states_json) <= $max THEN states_json ELSE '[]' END,
                       metadata
                FROM devices ORDER BY creation_time, device_url
                """;
            command.Parameters.AddWithValue("$label", ApiLimits.MaxParameterStringLength);
            command.Parameters.AddWithValue("$max", ApiLimits.MaxStoredDocumentLength);
            var devices = new List<Device>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                try
                {
                    devices.Add(ReadDevice(reader));
                }
                catch (Exception ex) when (ex is JsonException or InvalidCastException or FormatException or InvalidOperationException or NotSupportedException)
                {
                    _logger.LogError("Stored device {DeviceUrl} cannot be loaded and is skipped: {Reason}", reader.IsDBNull(0) ? "?" : reader.GetValue(0), ex.Message);
                }
            }
            return devices;
        }, cancellationToken);

    private static Device ReadDevice(SqliteDataReader reader) =>
        new Device
        {
            DeviceUrl = reader.GetString(0),
            Oid = reader.GetString(1),
            Label = reader.GetString(2),
            ControllableName = reader.GetString(3),
            PlaceOid = reader.GetString(4),
            Type = reader.GetInt32(5),
            Available = reader.GetBoolean(6),
            Enabled = reader.GetBoolean(7),
            CreationTime = reader.GetInt64(8),
            LastUpdateTime = reader.GetInt64(9),
            Attributes = Parse(reader.GetString(10)),
            States = Parse(reader.GetString(11)),
            Metadata = reader.IsDBNull(12) ? null : reader.GetString(12),
            SubsystemId = DeviceUrl.TryParse(reader.GetString(0), out var url) ? url.SubsystemId ?? 0 : 0,
            // Filled from the catalog by the registry.
            Definition = new DeviceDefinition([], [], "", "", ""),
        };

    public void Save(Device device)
    {
        _pending[device.DeviceUrl] = device;
        _signal.Release();
    }

    public void Delete(string deviceUrl)
    {
        _pending[deviceUrl] = null;
        _signal.Release();
    }

    public Task FlushAsync(CancellationToken cancellationToken)
    {
        Task flushed;
        lock (_flushGate) flushed = _flushed.Task;
        _signal.Release();
        return flushed.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await WriteBatchAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Shutdown goes on: the states are the radios' to report again after the restart.
            _logger.LogError("Could not save {Count} device state change(s) at shutdown: {Cause}", _pending.Count, ex.Message);
        }
    }

    private async Task WriteLoopAsync()
    {
        var token = _stopping.Token;
        var failing = false;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(token);
                await Task.Delay(BatchWindow, token);
                while (_signal.CurrentCount > 0) await _signal.WaitAsync(0, token);
                await WriteBatchAsync(token);
                if (failing) _logger.LogInformation("Writing device states works again");
                failing = false;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                if (!failing) _logger.LogError(ex, "Writing device states failed; retrying every {Delay} until it works", RetryDelay);
                failing = true;
                try
                {
                    await Task.Delay(RetryDelay, token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                _signal.Release();
            }
        }
    }

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_flushGate)
        {
            done = _flushed;
            _flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        var batch = new List<KeyValuePair<string, Device?>>();
        foreach (var url in _pending.Keys)
            if (_pending.TryRemove(url, out var device)) batch.Add(KeyValuePair.Create(url, device));

        if (batch.Count > 0)
        {
            try
            {
                await _database.UseAsync(connection => UpsertAsync(_database, connection, batch, cancellationToken), cancellationToken);
            }
            catch
            {
                // Put back what was not written, unless a newer version arrived meanwhile; whoever waits for this
                // batch now waits for the next successful one.
                foreach (var (url, device) in batch) _pending.TryAdd(url, device);
                Task next;
                lock (_flushGate) next = _flushed.Task;
                _ = next.ContinueWith(_ => done.TrySetResult(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw;
            }
        }
        done.TrySetResult();
    }

    private static async Task UpsertAsync(SqliteDatabase database, SqliteConnection connection, List<KeyValuePair<string, Device?>> batch, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM devices WHERE device_url = $url";
            var url = delete.Parameters.Add(new SqliteParameter { ParameterName = "$url" });
            foreach (var (deviceUrl, device) in batch)
            {
                if (device is not null) continue;
                url.Value = deviceUrl;
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO devices (device_url, oid, label, controllable_name, place_oid, product_type, available, enabled,
                                 creation_time, last_update_time, attributes_json, states_json, metadata)
            VALUES ($url, $oid, $label, $kind, $place, $type, $available, $enabled, $created, $updated, $attributes, $states, $metadata)
            ON CONFLICT (device_url) DO UPDATE SET
                label = excluded.label, controllable_name = excluded.controllable_name, place_oid = excluded.place_oid,
                product_type = excluded.product_type, available = excluded.available, enabled = excluded.enabled,
                last_update_time = excluded.last_update_time, attributes_json = excluded.attributes_json,
                states_json = excluded.states_json, metadata = excluded.metadata
            """;
        string[] names = ["$url", "$oid", "$label", "$kind", "$place", "$type", "$available", "$enabled", "$created", "$updated", "$attributes", "$states", "$metadata"];
        var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        foreach (var d in batch.Select(p => p.Value).OfType<Device>())
        {
            object[] values = [d.DeviceUrl, d.Oid, d.Label, d.ControllableName, d.PlaceOid, d.Type, d.Available, d.Enabled,
                d.CreationTime, d.LastUpdateTime, Serialize(d.Attributes), Serialize(d.States), (object?)d.Metadata ?? DBNull.Value];
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i];
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        // Carries the uplink messages staged for these changes (published before the devices were queued here).
        await database.CommitAsync(connection, transaction, cancellationToken);
    }

    private static string Serialize(IReadOnlyList<DeviceState> states) =>
        JsonSerializer.Serialize(states, GatewayJsonContext.Default.IReadOnlyListDeviceState);

    private static IReadOnlyList<DeviceState> Parse(string json) =>
        JsonSerializer.Deserialize(json, GatewayJsonContext.Default.IReadOnlyListDeviceState) ?? [];
}
