using Npgsql;

namespace VoiceHelper.Testing;

/// <summary>
/// The real PostgreSQL and Redis that scripts/test.sh starts on loopback. Tests fail (not skip) without them:
/// a green run must mean the code was exercised.
/// </summary>
public static class TestServers
{
    public static string PostgresAdmin => Require("VOICEHELPER_TEST_POSTGRES");
    public static string Redis => Require("VOICEHELPER_TEST_REDIS");

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name }.ConnectionString;
    }

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run the tests through scripts/test.sh, which starts the servers.");
}
