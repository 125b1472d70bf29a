using Gateway.Core.History;
using Microsoft.Data.Sqlite;

namespace Gateway.Storage.History;

/// <summary>
/// State history in three levels: raw samples, hourly and daily aggregates, each keyed by (series, time) in a
/// WITHOUT ROWID table so a query for one state over a range is one index range scan. A series is one state of one
/// device. Roll-up watermarks say up to where the hourly and daily levels are complete; a query takes each period
/// from the coarsest level that is complete for it, so it sees samples written a second ago.
/// </summary>
public sealed class SqliteStateHistoryStore(SqliteDatabase database) : IStateHistoryReader
{
    private const int HourlyLevel = 1;
    private const int DailyLevel = 2;

    /// <summary>Series ids by (deviceURL, state name); only touched while holding the database.</summary>
    private readonly Dictionary<(string, string), (long Id, StateHistoryKind Kind)> _series = [];
    private bool _seriesLoaded;

    /// <summary>Appends samples in one transaction; a power cut may lose the last ones (synchronous=NORMAL), a crash does not.</summary>
    public Task AppendAsync(IReadOnlyList<StateHistorySample> samples, CancellationToken cancellationToken)
    {
        if (samples.Count == 0) return Task.CompletedTask;
        return database.UseWithoutWaitingForDiskAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await LoadSeriesAsync(connection, transaction, cancellationToken);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR REPLACE INTO state_history_raw (series, time, number, text) VALUES ($series, $time, $number, $text)";
            var series = insert.Parameters.Add(new SqliteParameter { ParameterName = "$series" });
            var time = insert.Parameters.Add(new SqliteParameter { ParameterName = "$time" });
            var number = insert.Parameters.Add(new SqliteParameter { ParameterName = "$number" });
            var text = insert.Parameters.Add(new SqliteParameter { ParameterName = "$text" });
            try
            {
                foreach (var sample in samples)
                {
                    series.Value = await SeriesIdAsync(connection, transaction, sample, cancellationToken);
                    time.Value = sample.When;
                    number.Value = sample.Number is { } n ? n : DBNull.Value;
                    text.Value = sample.Number is null && sample.Text is { } t ? t : DBNull.Value;
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                // Series created in the rolled-back transaction do not exist: read them again next time.
                _series.Clear();
                _seriesLoaded = false;
                throw;
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Rolls the complete hours before <paramref name="now"/> up from raw samples, the complete days up from hours,
    /// then deletes what the retention policy no longer keeps (raw samples only once they are rolled up).
    /// Idempotent: a period rolled up twice gets the same rows.
    /// </summary>
    public async Task<StateHistoryRollUpResult> RollUpAsync(long now, StateHistoryOptions options, CancellationToken cancellationToken)
    {
        var (hourDone, dayDone) = await database.UseAsync(c => WatermarksAsync(c, cancellationToken), cancellationToken);
        var allSeries = await database.UseAsync(c => SeriesIdsAsync(c, cancellationToken), cancellationToken);
        var hourTarget = HistoryBuckets.Hour(now);
        if (hourDone == long.MinValue)
            hourDone = await database.UseAsync(c => OldestRawAsync(c, cancellationToken), cancellationToken) is { } oldest ? HistoryBuckets.Hour(oldest) : hourTarget;
        if (dayDone == long.MinValue) dayDone = HistoryBuckets.Day(hourDone);
        var dayTarget = HistoryBuckets.Day(Math.Max(hourTarget, hourDone));

        long hours = 0, days = 0, deleted = 0;
        foreach (var series in allSeries)
        {
            if (hourDone < hourTarget)
                hours += await database.UseAsync(c => RollUpSeriesAsync(c, series, "state_history_raw", "time", "state_history_hourly",
                    hourDone, hourTarget, HistoryBuckets.Hour, cancellationToken), cancellationToken);
            if (dayDone < dayTarget)
                days += await database.UseAsync(c => RollUpSeriesAsync(c, series, "state_history_hourly", "bucket", "state_history_daily",
                    dayDone, dayTarget, HistoryBuckets.Day, cancellationToken), cancellationToken);
        }
        hourDone = Math.Max(hourDone, hourTarget);
        dayDone = Math.Max(dayDone, dayTarget);
        var rawBefore = Math.Min(now - options.RawRetentionMs, hourDone);
        var hourlyBefore = Math.Min(now - options.HourlyRetentionMs, dayDone);
        var dailyBefore = now - options.DailyRetentionMs;
        await database.UseWithoutWaitingForDiskAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = """
                DELETE FROM state_history_raw WHERE series = $series AND time < $raw;
                DELETE FROM state_history_hourly WHERE series = $series AND bucket < $hourly;
                DELETE FROM state_history_daily WHERE series = $series AND bucket < $daily;
                """;
            var id = delete.Parameters.Add(new SqliteParameter { ParameterName = "$series" });
            delete.Parameters.AddWithValue("$raw", rawBefore);
            delete.Parameters.AddWithValue("$hourly", hourlyBefore);
            delete.Parameters.AddWithValue("$daily", dailyBefore);
            foreach (var series in allSeries)
            {
                id.Value = series.Id;
                deleted += await delete.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var mark = connection.CreateCommand();
            mark.Transaction = transaction;
            mark.CommandText = "INSERT OR REPLACE INTO state_history_rollup (level, done_until) VALUES (1, $hour), (2, $day)";
            mark.Parameters.AddWithValue("$hour", hourDone);
            mark.Parameters.AddWithValue("$day", dayDone);
            await mark.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
        return new StateHistoryRollUpResult(hours, days, deleted, hourDone, dayDone);
    }

    public Task<StateHistorySeries?> ReadAsync(string deviceUrl, string stateName, StateHistoryResolution resolution, long from, long to, int limit,
        CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await LoadSeriesAsync(connection, null, cancellationToken);
            if (!_series.TryGetValue((deviceUrl, stateName), out var series)) return null;
            var points = resolution == StateHistoryResolution.Raw
                ? await ReadRawAsync(connection, series.Id, series.Kind, from, to, limit, cancellationToken)
                : await ReadAggregatedAsync(connection, series.Id, series.Kind, BucketOf(resolution), from, to, cancellationToken);
            return new StateHistorySeries(stateName, series.Kind, points);
        }, cancellationToken);

    public Task<IReadOnlyList<string>> HistorisedStatesAsync(string deviceUrl, CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyList<string>>(async connection =>
        {
            await LoadSeriesAsync(connection, null, cancellationToken);
            return _series.Keys.Where(k => k.Item1 == deviceUrl).Select(k => k.Item2).Order(StringComparer.Ordinal).ToList();
        }, cancellationToken);

    private static Func<long, long> BucketOf(StateHistoryResolution resolution) => resolution switch
    {
        StateHistoryResolution.Daily => HistoryBuckets.Day,
        StateHistoryResolution.Monthly => HistoryBuckets.Month,
        _ => HistoryBuckets.Year,
    };

    private static async Task<IReadOnlyList<StateHistoryPoint>> ReadRawAsync(SqliteConnection connection, long series, StateHistoryKind kind,
        long from, long to, int limit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT time, number, text FROM state_history_raw
            WHERE series = $series AND time >= $from AND time <= $to ORDER BY time DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$series", series);
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        command.Parameters.AddWithValue("$limit", limit);
        var points = new List<StateHistoryPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var when = reader.GetInt64(0);
            double? number = reader.IsDBNull(1) ? null : reader.GetDouble(1);
            var text = reader.IsDBNull(2) ? null : reader.GetString(2);
            points.Add(number is { } n && kind == StateHistoryKind.Numeric
                ? new StateHistoryPoint(StateHistoryRules.Format(n), n, n, 1, when)
                : new StateHistoryPoint(text ?? (number is { } v ? StateHistoryRules.Format(v) : ""), null, null, 1, when));
        }
        points.Reverse();
        return points;
    }

    private static async Task<IReadOnlyList<StateHistoryPoint>> ReadAggregatedAsync(SqliteConnection connection, long series, StateHistoryKind kind,
        Func<long, long> bucketOf, long from, long to, CancellationToken cancellationToken)
    {
        var (hourDone, dayDone) = await WatermarksAsync(connection, cancellationToken);
        var start = bucketOf(from);
        var periods = new SortedDictionary<long, HistoryAggregate>();
        HistoryAggregate PeriodOf(long when)
        {
            var bucket = bucketOf(when);
            if (!periods.TryGetValue(bucket, out var period)) periods[bucket] = period = new HistoryAggregate(bucket);
            return period;
        }
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT bucket, min, max, mean, samples, last FROM state_history_daily
                WHERE series = $series AND bucket >= $from AND bucket <= $to AND bucket < $dayDone ORDER BY bucket;
                SELECT bucket, min, max, mean, samples, last FROM state_history_hourly
                WHERE series = $series AND bucket >= max($from, $dayDone) AND bucket <= $to AND bucket < $hourDone ORDER BY bucket;
                SELECT time, number, number, number, 1, text FROM state_history_raw
                WHERE series = $series AND time >= max($from, $hourDone) AND time <= $to ORDER BY time;
                """;
            command.Parameters.AddWithValue("$series", series);
            command.Parameters.AddWithValue("$from", start);
            command.Parameters.AddWithValue("$to", to);
            command.Parameters.AddWithValue("$dayDone", dayDone);
            command.Parameters.AddWithValue("$hourDone", hourDone);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var when = reader.GetInt64(0);
                    var last = reader.IsDBNull(5) ? null : reader.GetString(5);
                    if (last is null && !reader.IsDBNull(3)) last = StateHistoryRules.Format(reader.GetDouble(3));
                    PeriodOf(when).AddAggregate(when, NullableDouble(reader, 1), NullableDouble(reader, 2), NullableDouble(reader, 3), reader.GetInt64(4), last);
                }
            } while (await reader.NextResultAsync(cancellationToken));
        }
        return periods.Values.Select(p => p.ToPoint(kind)).ToList();
    }

    private static async Task<long> RollUpSeriesAsync(SqliteConnection connection, (long Id, StateHistoryKind Kind) series, string source, string timeColumn,
        string target, long from, long to, Func<long, long> bucketOf, CancellationToken cancellationToken)
    {
        var periods = new List<HistoryAggregate>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = source == "state_history_raw"
                ? "SELECT time, number, number, number, 1, text FROM state_history_raw WHERE series = $series AND time >= $from AND time < $to ORDER BY time"
                : $"SELECT {timeColumn}, min, max, mean, samples, last FROM {source} WHERE series = $series AND {timeColumn} >= $from AND {timeColumn} < $to ORDER BY {timeColumn}";
            read.Parameters.AddWithValue("$series", series.Id);
            read.Parameters.AddWithValue("$from", from);
            read.Parameters.AddWithValue("$to", to);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var when = reader.GetInt64(0);
                var bucket = bucketOf(when);
                if (periods.Count == 0 || periods[^1].Bucket != bucket) periods.Add(new HistoryAggregate(bucket));
                var last = reader.IsDBNull(5) ? null : reader.GetString(5);
                if (last is null && !reader.IsDBNull(3)) last = StateHistoryRules.Format(reader.GetDouble(3));
                periods[^1].AddAggregate(when, NullableDouble(reader, 1), NullableDouble(reader, 2), NullableDouble(reader, 3), reader.GetInt64(4), last);
            }
        }
        if (periods.Count == 0) return 0;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = $"INSERT OR REPLACE INTO {target} (series, bucket, min, max, mean, samples, last) VALUES ($series, $bucket, $min, $max, $mean, $samples, $last)";
        string[] names = ["$series", "$bucket", "$min", "$max", "$mean", "$samples", "$last"];
        var parameters = names.Select(n => write.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        foreach (var period in periods)
        {
            // Numeric series keep the mean (the last value is the mean's text); discrete ones the last value.
            var numeric = series.Kind == StateHistoryKind.Numeric && period.Mean is not null;
            object?[] values = [series.Id, period.Bucket, period.Min, period.Max, period.Mean, period.Samples, numeric ? null : period.Last];
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            await write.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return periods.Count;
    }

    private static double? NullableDouble(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private static async Task<(long HourDone, long DayDone)> WatermarksAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT level, done_until FROM state_history_rollup";
        long hour = long.MinValue, day = long.MinValue;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetInt32(0) == HourlyLevel) hour = reader.GetInt64(1);
            else if (reader.GetInt32(0) == DailyLevel) day = reader.GetInt64(1);
        }
        return (hour, day);
    }

    private async Task<IReadOnlyList<(long Id, StateHistoryKind Kind)>> SeriesIdsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await LoadSeriesAsync(connection, null, cancellationToken);
        return _series.Values.OrderBy(s => s.Id).ToList();
    }

    private static async Task<long?> OldestRawAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // Per series (the primary key's order) rather than a scan of the whole table.
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT min((SELECT min(time) FROM state_history_raw r WHERE r.series = s.id)) FROM state_history_series s";
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is long oldest ? oldest : null;
    }

    private async Task LoadSeriesAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        if (_seriesLoaded) return;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, device_url, state_name, kind FROM state_history_series";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            _series[(reader.GetString(1), reader.GetString(2))] = (reader.GetInt64(0), (StateHistoryKind)reader.GetInt32(3));
        _seriesLoaded = true;
    }

    private async Task<long> SeriesIdAsync(SqliteConnection connection, SqliteTransaction transaction, StateHistorySample sample, CancellationToken cancellationToken)
    {
        if (_series.TryGetValue((sample.DeviceUrl, sample.StateName), out var known)) return known.Id;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO state_history_series (device_url, state_name, kind) VALUES ($url, $name, $kind) RETURNING id";
        command.Parameters.AddWithValue("$url", sample.DeviceUrl);
        command.Parameters.AddWithValue("$name", sample.StateName);
        command.Parameters.AddWithValue("$kind", (int)sample.Kind);
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        _series[(sample.DeviceUrl, sample.StateName)] = (id, sample.Kind);
        return id;
    }
}
