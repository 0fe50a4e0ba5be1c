using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.RotateSigningKeys;

/// <summary>
/// The RS256 keys, kept in identitydb (private halves encrypted) and cached here. Identity validates its own
/// tokens from this cache instead of fetching its own JWKS over HTTP. A key is created on first start and
/// whenever the active one reaches its rotation age; replicas serialise creation with an advisory lock.
/// </summary>
public sealed class SigningKeyStore(
    IServiceScopeFactory scopes,
    IOptions<SigningKeyOptions> options,
    IOptions<TokenOptions> tokens,
    IOptions<JwtOptions> jwt,
    TimeProvider clock,
    ILogger<SigningKeyStore> logger) : ISigningKeySource, IDisposable
{
    private const long CreationLockKey = 0x6964_6B65_7973; // "idkeys"
    private static readonly TimeSpan MinReloadInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly byte[] _kek = KeyEncryption.TryDecodeKey(options.Value.KeyEncryptionKey)
        ?? throw new InvalidOperationException("SigningKeys:KeyEncryptionKey must be the base64 of exactly 32 bytes.");
    private volatile IReadOnlyList<LoadedKey> _keys = [];
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    /// <summary>How long a replaced key stays published: a token it signed may be accepted until then.</summary>
    private TimeSpan Retention => tokens.Value.AccessTokenLifetime + jwt.Value.ClockSkew + options.Value.RefreshInterval;

    /// <summary>Loads the keys and creates the first (or a due) one. Runs at start-up, before requests are served.</summary>
    public async Task EnsureActiveKeyAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (CurrentPlan().ActiveKeyId is null)
        {
            await CreateKeyAsync(cancellationToken);
        }
    }

    public async Task<SigningCredentials> GetSigningCredentialsAsync(CancellationToken cancellationToken)
    {
        var active = Find(CurrentPlan().ActiveKeyId);
        if (active?.Private is null)
        {
            await CreateKeyAsync(cancellationToken);
            active = Find(CurrentPlan().ActiveKeyId)
                ?? throw new InvalidOperationException("No signing key is available after creating one.");
        }
        return new SigningCredentials(active.Private, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>The public keys to publish in the JWKS (and to validate with).</summary>
    public IReadOnlyList<RsaSecurityKey> PublishedKeys()
    {
        var keys = _keys;
        var published = SigningKeyRotation.Plan(keys.Select(k => k.Info), clock.GetUtcNow(), options.Value.RotationInterval, Retention)
            .PublishedKeyIds;
        return keys.Where(k => published.Contains(k.Info.KeyId)).Select(k => k.Public).ToList();
    }

    public IReadOnlyCollection<SecurityKey> GetKeys(string? keyId)
    {
        if (keyId is not null && _keys.All(k => k.Info.KeyId != keyId) && clock.GetUtcNow() - _loadedAt > MinReloadInterval)
        {
            // Another replica may have rotated. Token validation is synchronous; the reload is rare and rate-limited.
            ReloadAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        return PublishedKeys();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var rows = await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken);
        var known = _keys.ToDictionary(k => k.Info.KeyId);
        _keys = rows.Select(row => known.TryGetValue(row.KeyId, out var loaded) ? loaded : Load(row)).ToList();
        _loadedAt = clock.GetUtcNow();
    }

    public void Dispose()
    {
        _gate.Dispose();
        foreach (var key in _keys)
        {
            key.Public.Rsa?.Dispose();
            key.Private?.Rsa?.Dispose();
        }
    }

    private SigningKeyPlan CurrentPlan() =>
        SigningKeyRotation.Plan(_keys.Select(k => k.Info), clock.GetUtcNow(), options.Value.RotationInterval, Retention);

    private LoadedKey? Find(string? keyId) => keyId is null ? null : _keys.FirstOrDefault(k => k.Info.KeyId == keyId);

    private async Task CreateKeyAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CreationLockKey})", cancellationToken);
            var rows = await db.SigningKeys.ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var plan = SigningKeyRotation.Plan(
                rows.Select(r => new SigningKeyInfo(r.KeyId, r.CreatedAt, CanDecrypt(r))), now, options.Value.RotationInterval, Retention);
            if (plan.ActiveKeyId is null)
            {
                db.SigningKeys.Add(NewKey(now));
                db.SigningKeys.RemoveRange(rows.Where(r => plan.ExpiredKeyIds.Contains(r.KeyId)));
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Created a new token-signing key; {Retired} expired key(s) deleted", plan.ExpiredKeyIds.Count);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        await ReloadAsync(cancellationToken);
    }

    private SigningKey NewKey(DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        var keyId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12));
        return new SigningKey
        {
            KeyId = keyId,
            PublicKey = rsa.ExportSubjectPublicKeyInfo(),
            PrivateKeyCiphertext = KeyEncryption.Encrypt(_kek, keyId, rsa.ExportPkcs8PrivateKey()),
            CreatedAt = now,
        };
    }

    private bool CanDecrypt(SigningKey row)
    {
        if (Find(row.KeyId) is { } loaded)
        {
            return loaded.Private is not null;
        }
        try
        {
            _ = KeyEncryption.Decrypt(_kek, row.KeyId, row.PrivateKeyCiphertext);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private LoadedKey Load(SigningKey row)
    {
        var publicRsa = RSA.Create();
        publicRsa.ImportSubjectPublicKeyInfo(row.PublicKey, out _);
        RsaSecurityKey? privateKey = null;
        try
        {
            var privateRsa = RSA.Create();
            privateRsa.ImportPkcs8PrivateKey(KeyEncryption.Decrypt(_kek, row.KeyId, row.PrivateKeyCiphertext), out _);
            privateKey = new RsaSecurityKey(privateRsa) { KeyId = row.KeyId };
        }
        catch (CryptographicException ex)
        {
            // A key written under another key-encryption key still validates (its public half is clear) but never signs again.
            logger.LogWarning(ex, "Signing key {KeyId} cannot be decrypted with the configured key-encryption key", row.KeyId);
        }
        return new LoadedKey(new SigningKeyInfo(row.KeyId, row.CreatedAt, privateKey is not null),
            new RsaSecurityKey(publicRsa) { KeyId = row.KeyId }, privateKey);
    }

    private sealed record LoadedKey(SigningKeyInfo Info, RsaSecurityKey Public, RsaSecurityKey? Private);
}
