using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.Tests.Infrastructure;

namespace VoiceHelper.Identity.Tests.Login;

/// <summary>Raising the hash cost needs no migration: a hash made at the old cost is replaced at the next login.</summary>
public sealed class PasswordRehashTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task A_hash_below_the_configured_cost_is_upgraded_at_login()
    {
        var client = app.CreateClient();
        var account = await Api.RegisterAsync(client);
        var cheap = new PasswordHashing(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 })).Hash(account.Password);
        await SetHashAsync(account.UserId, cheap);

        await Api.LoginAsync(client, account.Email);

        var upgraded = await GetHashAsync(account.UserId);
        upgraded.ShouldNotBe(cheap);
        IterationCount(upgraded).ShouldBe(new PasswordHasherOptions().IterationCount);
        IterationCount(cheap).ShouldBe(1_000);
        await Api.LoginAsync(client, account.Email);
    }

    /// <summary>Identity's v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.</summary>
    private static int IterationCount(string hash) => (int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));

    private async Task SetHashAsync(Guid userId, string hash)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("UPDATE users SET password_hash = @h WHERE id = @id", connection);
        command.Parameters.AddWithValue("h", hash);
        command.Parameters.AddWithValue("id", userId);
        (await command.ExecuteNonQueryAsync(Ct)).ShouldBe(1);
    }

    private async Task<string> GetHashAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT password_hash FROM users WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", userId);
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }
}
