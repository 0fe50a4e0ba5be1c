using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace VoiceHelper.Identity.Common;

/// <summary>
/// ASP.NET Core Identity's versioned PBKDF2 format (v3: HMAC-SHA512, salted, iteration count stored in the hash),
/// so the cost can be raised by configuration (<c>PasswordHashing:IterationCount</c>) and old hashes are
/// upgraded at the next login. An unknown email is checked against a dummy hash of the same cost, so that it
/// answers as slowly as a wrong password.
/// </summary>
public sealed class PasswordHashing
{
    private readonly PasswordHasher<PasswordHashing> _hasher;
    private readonly Lazy<string> _dummyHash;

    public PasswordHashing(IOptions<PasswordHasherOptions> options)
    {
        _hasher = new PasswordHasher<PasswordHashing>(options);
        _dummyHash = new(() => Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));
    }

    public string Hash(string password) => _hasher.HashPassword(this, password);

    /// <param name="hash">The stored hash, or null for an unknown account (always fails, at the same cost).</param>
    public PasswordVerificationResult Verify(string? hash, string password)
    {
        var result = _hasher.VerifyHashedPassword(this, hash ?? _dummyHash.Value, password);
        return hash is null ? PasswordVerificationResult.Failed : result;
    }

    /// <summary>Computes the dummy hash ahead of the first login, so that request does not pay for it.</summary>
    public void Warm() => _ = _dummyHash.Value;
}
