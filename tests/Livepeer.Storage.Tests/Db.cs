using Npgsql;

namespace Livepeer.Storage.Tests;

/// <summary>Small helpers to look at the database directly, next to what Orleans does with it.</summary>
internal static class Db
{
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object?[] args)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, args);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<List<object?[]>> RowsAsync(string connectionString, string sql, params object?[] args)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, args);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = row[i] is DBNull ? null : row[i];
            }

            rows.Add(row);
        }

        return rows;
    }

    public static async Task ExecuteAsync(string connectionString, string sql, params object?[] args)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, args);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<HashSet<string>> TablesAsync(string connectionString)
    {
        var rows = await RowsAsync(connectionString,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        return [.. rows.Select(r => (string)r[0]!)];
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object?[] args)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg ?? DBNull.Value });
        }

        return command;
    }
}
