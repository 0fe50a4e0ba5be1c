using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using VoiceHelper.Identity.RotateSigningKeys;
using VoiceHelper.Identity.Tests.Infrastructure;

namespace VoiceHelper.Identity.Tests.GetJwks;

public sealed class GetJwksTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task The_jwks_publishes_the_public_half_of_the_signing_key_only()
    {
        var response = await _client.GetAsync("/.well-known/jwks.json", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var keys = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("keys");
        keys.GetArrayLength().ShouldBe(1);
        var key = keys[0];
        key.GetProperty("kty").GetString().ShouldBe("RSA");
        key.GetProperty("alg").GetString().ShouldBe("RS256");
        key.GetProperty("use").GetString().ShouldBe("sig");
        key.GetProperty("kid").GetString().ShouldNotBeNullOrEmpty();
        key.GetProperty("n").GetString()!.Length.ShouldBeGreaterThan(300, "a 2048-bit modulus");
        key.TryGetProperty("d", out _).ShouldBeFalse();
        key.TryGetProperty("p", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task The_private_key_is_stored_encrypted_under_the_configured_key_encryption_key()
    {
        await _client.GetAsync("/.well-known/jwks.json", Ct); // the app has started, so its key exists
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT key_id, private_key_ciphertext FROM signing_keys LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        (await reader.ReadAsync(Ct)).ShouldBeTrue();
        var keyId = reader.GetString(0);
        var stored = (byte[])reader[1];

        using var rsa = RSA.Create();
        Should.Throw<CryptographicException>(() => rsa.ImportPkcs8PrivateKey(stored, out _));
        var kek = KeyEncryption.TryDecodeKey(app.KeyEncryptionKey)!;
        rsa.ImportPkcs8PrivateKey(KeyEncryption.Decrypt(kek, keyId, stored), out _);
        Should.Throw<CryptographicException>(() => KeyEncryption.Decrypt(RandomNumberGenerator.GetBytes(32), keyId, stored));
    }
}
