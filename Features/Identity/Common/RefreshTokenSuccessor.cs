using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VoiceHelper.Identity.Common;

/// <summary>
/// The pair a refresh token was exchanged for, sealed (AES-GCM) under a key derived from that refresh token. The database
/// keeps only the token's SHA-256, so neither a copy of the database nor anyone without the spent token can open it;
/// the client that presents the spent token again can, and gets the very same pair.
/// </summary>
public static class RefreshTokenSuccessor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("voicehelper refresh-token successor v1");

    private sealed record Pair(string AccessToken, string RefreshToken);

    public static byte[] Seal(string spentRefreshToken, string accessToken, string refreshToken)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(new Pair(accessToken, refreshToken));
        var sealedPair = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedPair.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key(spentRefreshToken), TagSize);
        aes.Encrypt(nonce, plain, sealedPair.AsSpan(NonceSize + TagSize), sealedPair.AsSpan(NonceSize, TagSize));
        return sealedPair;
    }

    /// <returns>The access and refresh token, or null when <paramref name="sealedPair"/> was not sealed for this token.</returns>
    public static (string AccessToken, string RefreshToken)? Open(string spentRefreshToken, byte[] sealedPair)
    {
        if (sealedPair.Length <= NonceSize + TagSize)
        {
            return null;
        }
        var plain = new byte[sealedPair.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(Key(spentRefreshToken), TagSize);
            aes.Decrypt(sealedPair.AsSpan(0, NonceSize), sealedPair.AsSpan(NonceSize + TagSize), sealedPair.AsSpan(NonceSize, TagSize), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        var pair = JsonSerializer.Deserialize<Pair>(plain)!;
        return (pair.AccessToken, pair.RefreshToken);
    }

    // HKDF, not the stored SHA-256: the key must not be computable from what the database holds.
    private static byte[] Key(string refreshToken) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(refreshToken), 32, salt: [], info: Purpose);
}
