using System.Security.Cryptography;
using System.Text;

namespace VoiceHelper.Identity.RotateSigningKeys;

/// <summary>
/// AES-256-GCM under the configured key-encryption key, with the key id as associated data so that a
/// ciphertext cannot be moved to another key's row. Layout: nonce (12) | tag (16) | ciphertext.
/// </summary>
public static class KeyEncryption
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[]? TryDecodeKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }
        var buffer = new byte[64];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written == 32 ? buffer[..32] : null;
    }

    public static byte[] Encrypt(byte[] kek, string keyId, ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(kek, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(keyId));
        return output;
    }

    /// <exception cref="CryptographicException">Wrong key-encryption key or tampered ciphertext.</exception>
    public static byte[] Decrypt(byte[] kek, string keyId, byte[] ciphertext)
    {
        var plaintext = new byte[ciphertext.Length - NonceSize - TagSize];
        using var aes = new AesGcm(kek, TagSize);
        aes.Decrypt(ciphertext.AsSpan(0, NonceSize), ciphertext.AsSpan(NonceSize + TagSize), ciphertext.AsSpan(NonceSize, TagSize),
            plaintext, Encoding.UTF8.GetBytes(keyId));
        return plaintext;
    }
}
