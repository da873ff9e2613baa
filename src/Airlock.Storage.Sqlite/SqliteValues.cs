using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Sqlite;

/// <summary>
/// How values are written: times as INTEGER microseconds since the Unix epoch, UTC (lossless to the microsecond,
/// ordered and compared as integers); lists as JSON arrays of strings; booleans as 0 or 1.
/// </summary>
internal static class SqliteValues
{
    private static readonly long EpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    public static long ToMicroseconds(DateTimeOffset time)
    {
        // Floor division, so that instants before 1970 round down as after it.
        var ticks = time.UtcTicks - EpochTicks;
        var micros = ticks / TimeSpan.TicksPerMicrosecond;
        return ticks % TimeSpan.TicksPerMicrosecond < 0 ? micros - 1 : micros;
    }

    public static DateTimeOffset FromMicroseconds(long micros) =>
        new(checked(EpochTicks + (micros * TimeSpan.TicksPerMicrosecond)), TimeSpan.Zero);

    public static object ToDb(DateTimeOffset? time) => time is { } t ? ToMicroseconds(t) : DBNull.Value;

    public static object ToDb(string? text) => text is null ? DBNull.Value : text;

    public static string ToJson(IReadOnlyList<string> list) =>
        JsonSerializer.Serialize(list, StorageJsonContext.Default.IReadOnlyListString);

    public static IReadOnlyList<string> ListFromJson(string json) =>
        JsonSerializer.Deserialize(json, StorageJsonContext.Default.IReadOnlyListString)
        ?? throw new JsonException("a stored list is null");

    public static DateTimeOffset GetTime(this SqliteDataReader reader, int ordinal) =>
        FromMicroseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? GetNullableTime(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromMicroseconds(reader.GetInt64(ordinal));

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static byte[] GetBytes(this SqliteDataReader reader, int ordinal) =>
        reader.GetFieldValue<byte[]>(ordinal);

    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static async Task<List<T>> ReadAllAsync<T>(this SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static async Task<T?> ReadOneAsync<T>(this SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(reader) : null;
    }
}
